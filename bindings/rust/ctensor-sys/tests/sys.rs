//! Tests of the raw declarations: struct layouts against the C compiler's (x86_64/aarch64
//! LP64 values), calls through the raw API, and the declarations against the library's exports.
use core::ffi::CStr;
use core::mem::{align_of, size_of, MaybeUninit};
use core::ptr;
use ctensor_sys::*;

/// Byte offset of a field, without core::mem::offset_of! (Rust 1.77).
macro_rules! offset {
    ($t:ty, $f:ident) => {{
        let u = MaybeUninit::<$t>::uninit();
        let base = u.as_ptr();
        // SAFETY: addr_of! on a field of an uninitialised value makes no reference.
        let field = unsafe { ptr::addr_of!((*base).$f) };
        field as usize - base as usize
    }};
}

fn cstr(p: *const core::ffi::c_char) -> String {
    assert!(!p.is_null());
    // SAFETY: the library returns NUL-terminated strings that outlive this call.
    unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_owned()
}

#[test]
fn layout_small_structs() {
    assert_eq!((size_of::<DLPackVersion>(), align_of::<DLPackVersion>()), (8, 4));
    assert_eq!((offset!(DLPackVersion, major), offset!(DLPackVersion, minor)), (0, 4));
    assert_eq!((size_of::<DLDevice>(), align_of::<DLDevice>()), (8, 4));
    assert_eq!((offset!(DLDevice, device_type), offset!(DLDevice, device_id)), (0, 4));
    assert_eq!(size_of::<DLDeviceType>(), 4);
    assert_eq!((size_of::<DLDataType>(), align_of::<DLDataType>()), (4, 2));
    assert_eq!(
        (offset!(DLDataType, code), offset!(DLDataType, bits), offset!(DLDataType, lanes)),
        (0, 1, 2)
    );
    assert_eq!(size_of::<ct_tensor>(), 0);
}

#[cfg(target_pointer_width = "64")]
#[test]
fn layout_dltensor() {
    assert_eq!((size_of::<DLTensor>(), align_of::<DLTensor>()), (48, 8));
    assert_eq!(offset!(DLTensor, data), 0);
    assert_eq!(offset!(DLTensor, device), 8);
    assert_eq!(offset!(DLTensor, ndim), 16);
    assert_eq!(offset!(DLTensor, dtype), 20);
    assert_eq!(offset!(DLTensor, shape), 24);
    assert_eq!(offset!(DLTensor, strides), 32);
    assert_eq!(offset!(DLTensor, byte_offset), 40);
}

#[cfg(target_pointer_width = "64")]
#[test]
fn layout_managed_tensors() {
    assert_eq!((size_of::<DLManagedTensor>(), align_of::<DLManagedTensor>()), (64, 8));
    assert_eq!(offset!(DLManagedTensor, dl_tensor), 0);
    assert_eq!(offset!(DLManagedTensor, manager_ctx), 48);
    assert_eq!(offset!(DLManagedTensor, deleter), 56);
    assert_eq!(
        (size_of::<DLManagedTensorVersioned>(), align_of::<DLManagedTensorVersioned>()),
        (80, 8)
    );
    assert_eq!(offset!(DLManagedTensorVersioned, version), 0);
    assert_eq!(offset!(DLManagedTensorVersioned, manager_ctx), 8);
    assert_eq!(offset!(DLManagedTensorVersioned, deleter), 16);
    assert_eq!(offset!(DLManagedTensorVersioned, flags), 24);
    assert_eq!(offset!(DLManagedTensorVersioned, dl_tensor), 32);
}

#[cfg(target_pointer_width = "64")]
#[test]
fn layout_exchange_api() {
    assert_eq!(
        (size_of::<DLPackExchangeAPIHeader>(), align_of::<DLPackExchangeAPIHeader>()),
        (16, 8)
    );
    assert_eq!(offset!(DLPackExchangeAPIHeader, version), 0);
    assert_eq!(offset!(DLPackExchangeAPIHeader, prev_api), 8);
    assert_eq!((size_of::<DLPackExchangeAPI>(), align_of::<DLPackExchangeAPI>()), (56, 8));
    assert_eq!(offset!(DLPackExchangeAPI, header), 0);
    assert_eq!(offset!(DLPackExchangeAPI, managed_tensor_allocator), 16);
    assert_eq!(offset!(DLPackExchangeAPI, managed_tensor_from_py_object_no_sync), 24);
    assert_eq!(offset!(DLPackExchangeAPI, managed_tensor_to_py_object_no_sync), 32);
    assert_eq!(offset!(DLPackExchangeAPI, dltensor_from_py_object_no_sync), 40);
    assert_eq!(offset!(DLPackExchangeAPI, current_work_stream), 48);
    // function pointers are nullable: Option<fn> has the size of a pointer
    assert_eq!(size_of::<DLPackCurrentWorkStream>(), size_of::<*mut ()>());
    assert_eq!(size_of::<ct_deleter>(), size_of::<*mut ()>());
}

#[test]
fn version() {
    let v = cstr(unsafe { ct_version() });
    assert_eq!(v.split('.').count(), 3, "ct_version() = {:?}", v);
    assert!(unsafe { ct_abi_version() } >= CT_ABI_VERSION);
    assert_eq!(cstr(unsafe { ct_status_name(CT_ERR_SHAPE) }), "CT_ERR_SHAPE");
}

#[test]
fn zeros_shape_release() {
    let shape: [i64; 2] = [2, 3];
    let mut t: *mut ct_tensor = ptr::null_mut();
    let st = unsafe { ct_zeros(&mut t, 2, shape.as_ptr(), CT_FLOAT32, CT_DEVICE_CPU, 0) };
    assert_eq!(st, CT_OK);
    assert!(!t.is_null());
    let mut ndim = 0i32;
    assert_eq!(unsafe { ct_tensor_ndim(&mut ndim, t) }, CT_OK);
    assert_eq!(ndim, 2);
    let mut got = [0i64; 2];
    assert_eq!(unsafe { ct_tensor_shape(got.as_mut_ptr(), 2, t) }, CT_OK);
    assert_eq!(got, shape);
    unsafe { ct_tensor_release(t) };
}

#[test]
fn error_path() {
    let shape: [i64; 1] = [-1];
    let mut t: *mut ct_tensor = ptr::null_mut();
    let st = unsafe { ct_zeros(&mut t, 1, shape.as_ptr(), CT_FLOAT32, CT_DEVICE_CPU, 0) };
    assert_ne!(st, CT_OK);
    assert!(t.is_null());
    assert_eq!(unsafe { ct_last_error_code() }, st);
    let msg = cstr(unsafe { ct_last_error_message() });
    assert!(!msg.is_empty());
    // a NULL out pointer is an invalid argument, not a crash
    let st = unsafe {
        ct_zeros(ptr::null_mut(), 1, [1i64].as_ptr(), CT_FLOAT32, CT_DEVICE_CPU, 0)
    };
    assert_eq!(st, CT_ERR_INVALID_ARGUMENT);
}

#[test]
fn dlpack_versioned_export() {
    let shape: [i64; 2] = [4, 5];
    let mut t: *mut ct_tensor = ptr::null_mut();
    assert_eq!(
        unsafe { ct_zeros(&mut t, 2, shape.as_ptr(), CT_FLOAT64, CT_DEVICE_CPU, 0) },
        CT_OK
    );
    let (mut exports0, mut imports0) = (0i64, 0i64);
    assert_eq!(unsafe { ct_dlpack_live(&mut exports0, &mut imports0) }, CT_OK);

    let mut m: *mut DLManagedTensorVersioned = ptr::null_mut();
    let st = unsafe {
        ct_to_dlpack_versioned(&mut m, t, CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, 0)
    };
    assert_eq!(st, CT_OK, "{}", cstr(unsafe { ct_last_error_message() }));
    assert!(!m.is_null());
    // the export holds its own reference: the tensor may go first
    unsafe { ct_tensor_release(t) };
    let mt = unsafe { &*m };
    assert_eq!((mt.version.major, mt.version.minor), (DLPACK_MAJOR_VERSION as u32, 3));
    assert_eq!(mt.flags & DLPACK_FLAG_BITMASK_IS_COPIED as u64, 0);
    let dl = &mt.dl_tensor;
    assert_eq!(dl.ndim, 2);
    assert_eq!(dl.device.device_type, kDLCPU);
    assert_eq!((dl.dtype.code, dl.dtype.bits, dl.dtype.lanes), (kDLFloat as u8, 64, 1));
    let got = unsafe { core::slice::from_raw_parts(dl.shape, 2) };
    assert_eq!(got, &shape);
    let data = unsafe {
        core::slice::from_raw_parts((dl.data as *const u8).add(dl.byte_offset as usize) as *const f64, 20)
    };
    assert!(data.iter().all(|&x| x == 0.0));

    let mut exports1 = 0i64;
    assert_eq!(unsafe { ct_dlpack_live(&mut exports1, &mut imports0) }, CT_OK);
    assert_eq!(exports1, exports0 + 1);
    let deleter = mt.deleter.expect("a deleter");
    unsafe { deleter(m) };
    let mut exports2 = 0i64;
    assert_eq!(unsafe { ct_dlpack_live(&mut exports2, &mut imports0) }, CT_OK);
    assert_eq!(exports2, exports0);
}

/// Every function the library exports is declared in bindings.rs, and nothing more.
/// Needs CTENSOR_LIB_DIR (tests/rust.sh sets it) and nm; skips (passes, with a note) without.
#[test]
fn declarations_match_exports() {
    use std::collections::BTreeSet;
    let declared: BTreeSet<String> = include_str!("../src/bindings.rs")
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("pub fn "))
        .map(|rest| rest.split('(').next().unwrap().to_string())
        .collect();
    assert!(declared.len() > 100);
    let dir = match std::env::var("CTENSOR_LIB_DIR") {
        Ok(d) if !d.is_empty() => d,
        _ => {
            eprintln!("note: CTENSOR_LIB_DIR not set; exports not compared");
            return;
        }
    };
    let lib = std::path::Path::new(&dir).join("libctensor.so.0");
    let out = match std::process::Command::new("nm")
        .args(["-D", "--defined-only"])
        .arg(&lib)
        .output()
    {
        Ok(o) if o.status.success() => o,
        _ => {
            eprintln!("note: `nm -D {}` failed; exports not compared", lib.display());
            return;
        }
    };
    let exported: BTreeSet<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            match f.as_slice() {
                [_, "T", name] => Some(name.split('@').next().unwrap().to_string()),
                _ => None,
            }
        })
        .collect();
    let missing: Vec<_> = exported.difference(&declared).collect();
    let extra: Vec<_> = declared.difference(&exported).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "exported but not declared in bindings.rs: {:?}; declared but not exported: {:?}",
        missing,
        extra
    );
}
