//! Safe Rust API of ctensor, the C tensor library, on top of the raw `ctensor-sys`.
//!
//! * [`Tensor`] owns one reference of a `ct_tensor`: `Clone` is `ct_tensor_retain` (the clone
//!   shares the data, as a second PyTorch handle would; use [`Tensor::deep_clone`] for a copy)
//!   and `Drop` is `ct_tensor_release`. Tensors are `Send + Sync`: the library's reference
//!   counts are atomic and concurrent reads are allowed. Writes (the `*_` in-place methods take
//!   `&mut self`) are not synchronised by the library: clones and views alias the same memory,
//!   so do not write through one handle while another thread reads through another.
//! * Fallible methods return [`Result`], whose [`Error`] carries the [`ErrorKind`] (the C
//!   `CT_ERR_*` status) and the library's message, which names the C function.
//! * The `std::ops` operators (`+ - * /`, unary `-`) on `Tensor`, `&Tensor` and scalars
//!   **panic** on error (as in `tch`); use the methods (`add`, `sub`, ...) to get a `Result`.
//! * `Display` prints what PyTorch prints (through `ct_tensor_format`).
//! * The regular elementwise operators are generated from `include/ctensor/elementwise.h` by
//!   `tools/gen_rust_ops.py` into `src/elementwise_table.rs` and expanded by the macros of
//!   `src/ops.rs`: for each unary `X` the methods `X`, `X_` (in place) and `X_out`; for each
//!   binary `X` also `X_scalar` and `X_scalar_`.
//! * Other operators follow the same naming: `X_` in place (`&mut self`) and `X_out` writing
//!   into an existing `out: &mut Tensor`, which must already have the result's shape (the
//!   library checks it and does not resize). [`Tensor::from_blob`] (a view of caller memory)
//!   is `unsafe`; [`Tensor::from_vec`] is the safe, copying constructor.
//! * [`Device::Cuda`] places tensors on a GPU (creation options, [`Tensor::to_device`]); the
//!   [`cuda`] module has `is_available`, `device_count`, `synchronize` and the memory
//!   statistics. Without CUDA these return errors of kind `BackendUnavailable` saying why.

pub use ctensor_sys as sys;

use std::ffi::CStr;
use std::fmt;
use std::os::raw::c_void;
use std::ptr::NonNull;

pub mod cuda;
mod dlpack;
mod ops;
pub use dlpack::DLPackTensor;
pub use ops::{IndexOp, TensorIndexer};

/// The error kinds of the C library (`CT_ERR_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    InvalidArgument,
    Shape,
    Dtype,
    Device,
    Index,
    ReadOnly,
    OutOfMemory,
    NotImplemented,
    BackendUnavailable,
    DLPack,
    Internal,
    /// The device or its driver reported a failure (a CUDA error).
    DeviceFailure,
    /// A status this crate does not know (a newer library).
    Other(i32),
}

impl ErrorKind {
    /// The kind of a non-`CT_OK` status.
    pub fn from_status(s: sys::ct_status) -> ErrorKind {
        match s {
            sys::CT_ERR_INVALID_ARGUMENT => ErrorKind::InvalidArgument,
            sys::CT_ERR_SHAPE => ErrorKind::Shape,
            sys::CT_ERR_DTYPE => ErrorKind::Dtype,
            sys::CT_ERR_DEVICE => ErrorKind::Device,
            sys::CT_ERR_INDEX => ErrorKind::Index,
            sys::CT_ERR_READ_ONLY => ErrorKind::ReadOnly,
            sys::CT_ERR_OUT_OF_MEMORY => ErrorKind::OutOfMemory,
            sys::CT_ERR_NOT_IMPLEMENTED => ErrorKind::NotImplemented,
            sys::CT_ERR_BACKEND_UNAVAILABLE => ErrorKind::BackendUnavailable,
            sys::CT_ERR_DLPACK => ErrorKind::DLPack,
            sys::CT_ERR_INTERNAL => ErrorKind::Internal,
            sys::CT_ERR_DEVICE_FAILURE => ErrorKind::DeviceFailure,
            other => ErrorKind::Other(other),
        }
    }
    /// The C status code (`CT_ERR_*`).
    pub fn status(self) -> sys::ct_status {
        match self {
            ErrorKind::InvalidArgument => sys::CT_ERR_INVALID_ARGUMENT,
            ErrorKind::Shape => sys::CT_ERR_SHAPE,
            ErrorKind::Dtype => sys::CT_ERR_DTYPE,
            ErrorKind::Device => sys::CT_ERR_DEVICE,
            ErrorKind::Index => sys::CT_ERR_INDEX,
            ErrorKind::ReadOnly => sys::CT_ERR_READ_ONLY,
            ErrorKind::OutOfMemory => sys::CT_ERR_OUT_OF_MEMORY,
            ErrorKind::NotImplemented => sys::CT_ERR_NOT_IMPLEMENTED,
            ErrorKind::BackendUnavailable => sys::CT_ERR_BACKEND_UNAVAILABLE,
            ErrorKind::DLPack => sys::CT_ERR_DLPACK,
            ErrorKind::Internal => sys::CT_ERR_INTERNAL,
            ErrorKind::DeviceFailure => sys::CT_ERR_DEVICE_FAILURE,
            ErrorKind::Other(s) => s,
        }
    }
}

/// A failed call: the kind and the library's message for this thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    pub message: String,
}

impl Error {
    /// The error of a status just returned by the library on this thread.
    pub fn from_status(s: sys::ct_status) -> Error {
        let msg = unsafe { sys::ct_last_error_message() };
        let message = if msg.is_null() {
            String::new()
        } else {
            unsafe { CStr::from_ptr(msg) }.to_string_lossy().into_owned()
        };
        let message = if message.is_empty() {
            let name = unsafe { sys::ct_status_string(s) };
            if name.is_null() {
                format!("status {}", s)
            } else {
                unsafe { CStr::from_ptr(name) }.to_string_lossy().into_owned()
            }
        } else {
            message
        };
        Error { kind: ErrorKind::from_status(s), message }
    }
    /// An error raised by this crate (not by the C library).
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error { kind, message: message.into() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.message)
    }
}

impl std::error::Error for Error {}

/// `std::result::Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// `Ok(())` for `CT_OK`, else the thread's error.
pub(crate) fn check(s: sys::ct_status) -> Result<()> {
    if s == sys::CT_OK {
        Ok(())
    } else {
        Err(Error::from_status(s))
    }
}

/// The element type of a tensor (`ct_dtype`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Bool,
    Uint8,
    Int8,
    Int16,
    Int32,
    Int64,
    Half,
    BFloat16,
    Float,
    Double,
    ComplexFloat,
    ComplexDouble,
}

impl Kind {
    /// All twelve kinds, in `ct_dtype` order.
    pub const ALL: [Kind; 12] = [
        Kind::Bool,
        Kind::Uint8,
        Kind::Int8,
        Kind::Int16,
        Kind::Int32,
        Kind::Int64,
        Kind::Half,
        Kind::BFloat16,
        Kind::Float,
        Kind::Double,
        Kind::ComplexFloat,
        Kind::ComplexDouble,
    ];
    /// The C `ct_dtype` value.
    pub fn c_int(self) -> sys::ct_dtype {
        match self {
            Kind::Bool => sys::CT_BOOL,
            Kind::Uint8 => sys::CT_UINT8,
            Kind::Int8 => sys::CT_INT8,
            Kind::Int16 => sys::CT_INT16,
            Kind::Int32 => sys::CT_INT32,
            Kind::Int64 => sys::CT_INT64,
            Kind::Half => sys::CT_FLOAT16,
            Kind::BFloat16 => sys::CT_BFLOAT16,
            Kind::Float => sys::CT_FLOAT32,
            Kind::Double => sys::CT_FLOAT64,
            Kind::ComplexFloat => sys::CT_COMPLEX64,
            Kind::ComplexDouble => sys::CT_COMPLEX128,
        }
    }
    /// The kind of a C `ct_dtype` value.
    pub fn from_c_int(d: sys::ct_dtype) -> Result<Kind> {
        Kind::ALL
            .iter()
            .copied()
            .find(|k| k.c_int() == d)
            .ok_or_else(|| Error::new(ErrorKind::Dtype, format!("unknown ct_dtype {}", d)))
    }
    /// The library's name ("float32", ...).
    pub fn name(self) -> &'static str {
        let mut p: *const std::os::raw::c_char = std::ptr::null();
        if unsafe { sys::ct_dtype_name(&mut p, self.c_int()) } != sys::CT_OK || p.is_null() {
            return "?";
        }
        unsafe { CStr::from_ptr(p) }.to_str().unwrap_or("?")
    }
    /// Bytes per element.
    pub fn elt_size_in_bytes(self) -> usize {
        let mut n = 0i64;
        unsafe { sys::ct_dtype_itemsize(&mut n, self.c_int()) };
        n as usize
    }
    pub fn is_floating_point(self) -> bool {
        let mut b = false;
        unsafe { sys::ct_dtype_is_floating_point(&mut b, self.c_int()) };
        b
    }
    pub fn is_complex(self) -> bool {
        let mut b = false;
        unsafe { sys::ct_dtype_is_complex(&mut b, self.c_int()) };
        b
    }
}

fn opt_kind(k: Option<Kind>) -> sys::ct_dtype {
    k.map_or(sys::CT_DTYPE_NONE, Kind::c_int)
}

/// Where a tensor's memory lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Device {
    Cpu,
    Cuda(i32),
}

impl Device {
    pub(crate) fn c_pair(self) -> (sys::ct_device_type, i32) {
        match self {
            Device::Cpu => (sys::CT_DEVICE_CPU, 0),
            Device::Cuda(i) => (sys::CT_DEVICE_CUDA, i),
        }
    }
    pub(crate) fn from_c_pair(t: sys::ct_device_type, i: i32) -> Result<Device> {
        match t {
            sys::CT_DEVICE_CPU => Ok(Device::Cpu),
            sys::CT_DEVICE_CUDA => Ok(Device::Cuda(i)),
            _ => Err(Error::new(ErrorKind::Device, format!("device type {} has no Device variant", t))),
        }
    }
    /// Whether this device can be used: always for the CPU; for `Cuda(i)`, whether the
    /// CUDA module, a driver and a GPU of index `i` are present.
    pub fn is_available(self) -> bool {
        match self {
            Device::Cpu => true,
            Device::Cuda(i) => i >= 0 && cuda::device_count() > i,
        }
    }
    /// `Device::Cuda(0)` when CUDA is available, else `Device::Cpu` (tch's `cuda_if_available`).
    pub fn cuda_if_available() -> Device {
        if cuda::is_available() {
            Device::Cuda(0)
        } else {
            Device::Cpu
        }
    }
}

fn opt_device(d: Option<Device>) -> (sys::ct_device_type, i32) {
    d.map_or((sys::CT_DEVICE_NONE, -1), Device::c_pair)
}

/// Rust scalar types that are tensor elements.
pub trait Element: Copy + Default + Send + Sync + 'static {
    const KIND: Kind;
}

macro_rules! elements {
    ($($t:ty => $k:ident),*) => { $(impl Element for $t { const KIND: Kind = Kind::$k; })* };
}
elements!(bool => Bool, u8 => Uint8, i8 => Int8, i16 => Int16, i32 => Int32, i64 => Int64,
          f32 => Float, f64 => Double);

/// A scalar operand: its Rust type decides the C value dtype (and so type promotion, as a
/// Python number would: `int_tensor * 2.5` is a float tensor).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scalar {
    Bool(bool),
    Int(i64),
    Float(f64),
}

impl Scalar {
    /// The pointer and dtype to pass to a `const void *value, ct_dtype value_dtype` pair; the
    /// pointer points into `self`.
    pub(crate) fn c_pair(&self) -> (*const c_void, sys::ct_dtype) {
        match self {
            Scalar::Bool(b) => (b as *const bool as *const c_void, sys::CT_BOOL),
            Scalar::Int(i) => (i as *const i64 as *const c_void, sys::CT_INT64),
            Scalar::Float(f) => (f as *const f64 as *const c_void, sys::CT_FLOAT64),
        }
    }
}

macro_rules! scalar_from {
    ($($t:ty => $v:ident as $c:ty),*) => {
        $(impl From<$t> for Scalar { fn from(x: $t) -> Scalar { Scalar::$v(x as $c) } })*
    };
}
scalar_from!(i8 => Int as i64, i16 => Int as i64, i32 => Int as i64, i64 => Int as i64,
             u8 => Int as i64, u16 => Int as i64, u32 => Int as i64,
             f32 => Float as f64, f64 => Float as f64);
impl From<bool> for Scalar {
    fn from(b: bool) -> Scalar {
        Scalar::Bool(b)
    }
}

/// Seeds the default generator (`ct_manual_seed`).
pub fn manual_seed(seed: u64) -> Result<()> {
    check(unsafe { sys::ct_manual_seed(seed) })
}

/// The library's memory statistics: (live blocks, live bytes, peak bytes).
pub fn memory_stats() -> Result<(i64, i64, i64)> {
    let (mut a, mut b, mut c) = (0i64, 0i64, 0i64);
    check(unsafe { sys::ct_memory_stats(&mut a, &mut b, &mut c) })?;
    Ok((a, b, c))
}

/// The library version string.
pub fn version() -> &'static str {
    let p = unsafe { sys::ct_version() };
    if p.is_null() {
        return "";
    }
    unsafe { CStr::from_ptr(p) }.to_str().unwrap_or("")
}

/// One reference to a ctensor tensor (see the crate documentation).
pub struct Tensor {
    ptr: NonNull<sys::ct_tensor>,
}

// SAFETY: the library's reference counts are atomic and its reads are thread-safe (its
// documented thread contract); see the crate documentation about writes.
unsafe impl Send for Tensor {}
unsafe impl Sync for Tensor {}

impl Clone for Tensor {
    /// Another reference to the same tensor (`ct_tensor_retain`); the data is shared.
    fn clone(&self) -> Tensor {
        let s = unsafe { sys::ct_tensor_retain(self.ptr.as_ptr()) };
        assert_eq!(s, sys::CT_OK, "ct_tensor_retain failed");
        Tensor { ptr: self.ptr }
    }
}

impl Drop for Tensor {
    fn drop(&mut self) {
        unsafe { sys::ct_tensor_release(self.ptr.as_ptr()) }
    }
}

fn shape_i64(shape: &[i64]) -> Result<i32> {
    i32::try_from(shape.len()).map_err(|_| Error::new(ErrorKind::InvalidArgument, "too many dims"))
}

impl Tensor {
    /// Takes ownership of one reference of a raw handle (`None` for NULL).
    ///
    /// # Safety
    /// `ptr` must be a valid `ct_tensor` handle whose reference the caller gives away.
    pub unsafe fn from_raw(ptr: *mut sys::ct_tensor) -> Option<Tensor> {
        NonNull::new(ptr).map(|ptr| Tensor { ptr })
    }
    /// The raw handle, still owned by `self`.
    pub fn as_ptr(&self) -> *mut sys::ct_tensor {
        self.ptr.as_ptr()
    }
    /// Gives away the reference as a raw handle (release it with `ct_tensor_release`).
    pub fn into_raw(self) -> *mut sys::ct_tensor {
        let p = self.ptr.as_ptr();
        std::mem::forget(self);
        p
    }

    /// Runs a C function that returns a new tensor through `out`.
    pub(crate) fn wrap(f: impl FnOnce(*mut *mut sys::ct_tensor) -> sys::ct_status) -> Result<Tensor> {
        let mut out: *mut sys::ct_tensor = std::ptr::null_mut();
        check(f(&mut out))?;
        unsafe { Tensor::from_raw(out) }
            .ok_or_else(|| Error::new(ErrorKind::Internal, "the library returned a NULL tensor"))
    }

    // ---- constructors

    /// An uninitialised tensor (`ct_empty`).
    pub fn empty(shape: &[i64], options: (Kind, Device)) -> Result<Tensor> {
        let n = shape_i64(shape)?;
        let (dt, di) = options.1.c_pair();
        Tensor::wrap(|o| unsafe { sys::ct_empty(o, n, shape.as_ptr(), options.0.c_int(), dt, di) })
    }
    /// Zeros (`ct_zeros`).
    pub fn zeros(shape: &[i64], options: (Kind, Device)) -> Result<Tensor> {
        let n = shape_i64(shape)?;
        let (dt, di) = options.1.c_pair();
        Tensor::wrap(|o| unsafe { sys::ct_zeros(o, n, shape.as_ptr(), options.0.c_int(), dt, di) })
    }
    /// Ones (`ct_ones`).
    pub fn ones(shape: &[i64], options: (Kind, Device)) -> Result<Tensor> {
        let n = shape_i64(shape)?;
        let (dt, di) = options.1.c_pair();
        Tensor::wrap(|o| unsafe { sys::ct_ones(o, n, shape.as_ptr(), options.0.c_int(), dt, di) })
    }
    /// Filled with `value` (`ct_full`).
    pub fn full(shape: &[i64], value: impl Into<Scalar>, options: (Kind, Device)) -> Result<Tensor> {
        let n = shape_i64(shape)?;
        let v = value.into();
        let (vp, vd) = v.c_pair();
        let (dt, di) = options.1.c_pair();
        Tensor::wrap(|o| unsafe {
            sys::ct_full(o, n, shape.as_ptr(), vp, vd, options.0.c_int(), dt, di)
        })
    }
    /// Uniform in [0, 1) from the default generator (`ct_rand`).
    pub fn rand(shape: &[i64], options: (Kind, Device)) -> Result<Tensor> {
        let n = shape_i64(shape)?;
        let (dt, di) = options.1.c_pair();
        Tensor::wrap(|o| unsafe {
            sys::ct_rand(o, std::ptr::null_mut(), n, shape.as_ptr(), options.0.c_int(), dt, di)
        })
    }
    /// Standard normal from the default generator (`ct_randn`).
    pub fn randn(shape: &[i64], options: (Kind, Device)) -> Result<Tensor> {
        let n = shape_i64(shape)?;
        let (dt, di) = options.1.c_pair();
        Tensor::wrap(|o| unsafe {
            sys::ct_randn(o, std::ptr::null_mut(), n, shape.as_ptr(), options.0.c_int(), dt, di)
        })
    }
    /// Integers uniform in [low, high) (`ct_randint`).
    pub fn randint(low: i64, high: i64, shape: &[i64], options: (Kind, Device)) -> Result<Tensor> {
        let n = shape_i64(shape)?;
        let (dt, di) = options.1.c_pair();
        Tensor::wrap(|o| unsafe {
            sys::ct_randint(o, std::ptr::null_mut(), low, high, n, shape.as_ptr(), options.0.c_int(), dt, di)
        })
    }
    /// 0, 1, ..., end - 1 (`ct_arange`).
    pub fn arange(end: i64, options: (Kind, Device)) -> Result<Tensor> {
        Tensor::arange_start_step(0.0, end as f64, 1.0, options)
    }
    /// start, start + step, ... below end (`ct_arange`).
    pub fn arange_start_step(start: f64, end: f64, step: f64, options: (Kind, Device)) -> Result<Tensor> {
        let (dt, di) = options.1.c_pair();
        Tensor::wrap(|o| unsafe { sys::ct_arange(o, start, end, step, options.0.c_int(), dt, di) })
    }
    /// `steps` evenly spaced values from start to end (`ct_linspace`).
    pub fn linspace(start: f64, end: f64, steps: i64, options: (Kind, Device)) -> Result<Tensor> {
        let (dt, di) = options.1.c_pair();
        Tensor::wrap(|o| unsafe { sys::ct_linspace(o, start, end, steps, options.0.c_int(), dt, di) })
    }
    /// The n x m identity (`ct_eye`).
    pub fn eye(n: i64, m: i64, options: (Kind, Device)) -> Result<Tensor> {
        let (dt, di) = options.1.c_pair();
        Tensor::wrap(|o| unsafe { sys::ct_eye(o, n, m, options.0.c_int(), dt, di) })
    }
    /// A 1-d CPU tensor copied from a slice (`ct_from_data`).
    pub fn from_slice<T: Element>(data: &[T]) -> Result<Tensor> {
        Tensor::from_slice_shape(data, &[data.len() as i64])
    }
    /// A CPU tensor of the given shape copied from a slice (`ct_from_data`); the lengths must agree.
    pub fn from_slice_shape<T: Element>(data: &[T], shape: &[i64]) -> Result<Tensor> {
        let numel: i64 = shape.iter().product();
        if shape.iter().any(|&d| d < 0) || numel as usize != data.len() {
            return Err(Error::new(
                ErrorKind::Shape,
                format!("shape {:?} does not hold {} elements", shape, data.len()),
            ));
        }
        let n = shape_i64(shape)?;
        Tensor::wrap(|o| unsafe {
            sys::ct_from_data(
                o,
                data.as_ptr() as *const c_void,
                T::KIND.c_int(),
                n,
                shape.as_ptr(),
                T::KIND.c_int(),
                sys::CT_DEVICE_CPU,
                0,
            )
        })
    }
    /// A CPU tensor of the given shape made from a vector's elements.
    pub fn from_vec<T: Element>(data: Vec<T>, shape: &[i64]) -> Result<Tensor> {
        Tensor::from_slice_shape(&data, shape)
    }

    /// A tensor viewing caller memory without a copy (`ct_from_blob`). `strides` are in
    /// elements (`None`: row-major); `read_only` makes writes through it and its views fail
    /// with [`ErrorKind::ReadOnly`]. When the last view is released, `deleter(data, ctx)` runs
    /// once (from whichever thread releases it); on an error nothing is wrapped and the
    /// deleter is not called. [`Tensor::from_vec`] / [`Tensor::from_slice_shape`] are the safe
    /// (copying) forms.
    ///
    /// # Safety
    /// `data` must point at memory of `kind` elements on `device` covering every element that
    /// `shape` and `strides` reach, valid (and not written by others while read through the
    /// tensor) until the deleter runs, or, with `deleter` `None`, for as long as the returned
    /// tensor, any clone of it or any view of it lives. Without `read_only` the memory must be
    /// writable. `deleter` must be safe to call from any thread with `data` and `ctx`.
    #[allow(clippy::too_many_arguments)]
    pub unsafe fn from_blob(
        data: *mut c_void,
        shape: &[i64],
        strides: Option<&[i64]>,
        kind: Kind,
        device: Device,
        deleter: sys::ct_deleter,
        ctx: *mut c_void,
        read_only: bool,
    ) -> Result<Tensor> {
        let n = shape_i64(shape)?;
        if strides.map_or(false, |s| s.len() != shape.len()) {
            return Err(Error::new(ErrorKind::InvalidArgument, "shape and strides differ in length"));
        }
        let sp = strides.map_or(std::ptr::null(), <[i64]>::as_ptr);
        let (dt, di) = device.c_pair();
        let flags = if read_only { sys::CT_BLOB_READ_ONLY as u32 } else { 0 };
        Tensor::wrap(|o| sys::ct_from_blob(o, data, n, shape.as_ptr(), sp, kind.c_int(), dt, di, deleter, ctx, flags))
    }

    /// `ct_empty_like`: `None` keeps self's kind or device.
    pub fn empty_like(&self, kind: Option<Kind>, device: Option<Device>) -> Result<Tensor> {
        let (dt, di) = opt_device(device);
        Tensor::wrap(|o| unsafe { sys::ct_empty_like(o, self.as_ptr(), opt_kind(kind), dt, di) })
    }
    /// `ct_zeros_like`.
    pub fn zeros_like(&self) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe {
            sys::ct_zeros_like(o, self.as_ptr(), sys::CT_DTYPE_NONE, sys::CT_DEVICE_NONE, -1)
        })
    }
    /// `ct_ones_like`.
    pub fn ones_like(&self) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe {
            sys::ct_ones_like(o, self.as_ptr(), sys::CT_DTYPE_NONE, sys::CT_DEVICE_NONE, -1)
        })
    }
    /// `ct_full_like`.
    pub fn full_like(&self, value: impl Into<Scalar>) -> Result<Tensor> {
        let v = value.into();
        let (vp, vd) = v.c_pair();
        Tensor::wrap(|o| unsafe {
            sys::ct_full_like(o, self.as_ptr(), vp, vd, sys::CT_DTYPE_NONE, sys::CT_DEVICE_NONE, -1)
        })
    }
    /// `ct_rand_like`.
    pub fn rand_like(&self) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe {
            sys::ct_rand_like(o, self.as_ptr(), std::ptr::null_mut(), sys::CT_DTYPE_NONE, sys::CT_DEVICE_NONE, -1)
        })
    }
    /// `ct_randn_like`.
    pub fn randn_like(&self) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe {
            sys::ct_randn_like(o, self.as_ptr(), std::ptr::null_mut(), sys::CT_DTYPE_NONE, sys::CT_DEVICE_NONE, -1)
        })
    }
    /// `ct_new_empty`: self's kind and device, another shape.
    pub fn new_empty(&self, shape: &[i64]) -> Result<Tensor> {
        let n = shape_i64(shape)?;
        Tensor::wrap(|o| unsafe {
            sys::ct_new_empty(o, self.as_ptr(), n, shape.as_ptr(), sys::CT_DTYPE_NONE, sys::CT_DEVICE_NONE, -1)
        })
    }
    /// `ct_new_zeros`.
    pub fn new_zeros(&self, shape: &[i64]) -> Result<Tensor> {
        let n = shape_i64(shape)?;
        Tensor::wrap(|o| unsafe {
            sys::ct_new_zeros(o, self.as_ptr(), n, shape.as_ptr(), sys::CT_DTYPE_NONE, sys::CT_DEVICE_NONE, -1)
        })
    }
    /// `ct_new_ones`.
    pub fn new_ones(&self, shape: &[i64]) -> Result<Tensor> {
        let n = shape_i64(shape)?;
        Tensor::wrap(|o| unsafe {
            sys::ct_new_ones(o, self.as_ptr(), n, shape.as_ptr(), sys::CT_DTYPE_NONE, sys::CT_DEVICE_NONE, -1)
        })
    }
    /// `ct_new_full`.
    pub fn new_full(&self, shape: &[i64], value: impl Into<Scalar>) -> Result<Tensor> {
        let n = shape_i64(shape)?;
        let v = value.into();
        let (vp, vd) = v.c_pair();
        Tensor::wrap(|o| unsafe {
            sys::ct_new_full(o, self.as_ptr(), n, shape.as_ptr(), vp, vd, sys::CT_DTYPE_NONE, sys::CT_DEVICE_NONE, -1)
        })
    }
    /// `ct_new_tensor`: data of a slice, with self's kind and device.
    pub fn new_tensor<T: Element>(&self, data: &[T], shape: &[i64]) -> Result<Tensor> {
        let numel: i64 = shape.iter().product();
        if numel as usize != data.len() {
            return Err(Error::new(ErrorKind::Shape, "shape and data length differ"));
        }
        let n = shape_i64(shape)?;
        Tensor::wrap(|o| unsafe {
            sys::ct_new_tensor(o, self.as_ptr(), data.as_ptr() as *const c_void, T::KIND.c_int(), n,
                shape.as_ptr(), sys::CT_DTYPE_NONE, sys::CT_DEVICE_NONE, -1)
        })
    }
    /// A 0-d "wrapped number" tensor (`ct_scalar_tensor`).
    pub fn scalar_tensor(value: impl Into<Scalar>) -> Result<Tensor> {
        let v = value.into();
        let (vp, vd) = v.c_pair();
        Tensor::wrap(|o| unsafe { sys::ct_scalar_tensor(o, vp, vd) })
    }

    // ---- properties

    /// Number of dims.
    pub fn dim(&self) -> usize {
        let mut n = 0i32;
        unsafe { sys::ct_tensor_ndim(&mut n, self.as_ptr()) };
        n as usize
    }
    /// The shape.
    pub fn size(&self) -> Vec<i64> {
        let n = self.dim();
        let mut v = vec![0i64; n];
        unsafe { sys::ct_tensor_shape(v.as_mut_ptr(), n as i32, self.as_ptr()) };
        v
    }
    /// The strides, in elements.
    pub fn stride(&self) -> Vec<i64> {
        let n = self.dim();
        let mut v = vec![0i64; n];
        unsafe { sys::ct_tensor_strides(v.as_mut_ptr(), n as i32, self.as_ptr()) };
        v
    }
    /// Element count.
    pub fn numel(&self) -> usize {
        let mut n = 0i64;
        unsafe { sys::ct_tensor_numel(&mut n, self.as_ptr()) };
        n as usize
    }
    /// The element kind.
    pub fn kind(&self) -> Kind {
        let mut d = 0;
        unsafe { sys::ct_tensor_dtype(&mut d, self.as_ptr()) };
        Kind::from_c_int(d).expect("tensor with an unknown dtype")
    }
    /// The device.
    pub fn device(&self) -> Device {
        let (mut t, mut i) = (0, 0);
        unsafe { sys::ct_tensor_device(&mut t, &mut i, self.as_ptr()) };
        Device::from_c_pair(t, i).expect("tensor on a device without a Device variant")
    }
    pub fn is_contiguous(&self) -> bool {
        let mut b = false;
        unsafe { sys::ct_tensor_is_contiguous(&mut b, self.as_ptr()) };
        b
    }
    /// The address of the first element (for CPU tensors, host memory).
    pub fn data_ptr(&self) -> *mut c_void {
        let mut p: *mut c_void = std::ptr::null_mut();
        unsafe { sys::ct_tensor_data_ptr(&mut p, self.as_ptr()) };
        p
    }
    /// The reference count (`ct_tensor_use_count`).
    pub fn use_count(&self) -> i64 {
        let mut n = 0i64;
        unsafe { sys::ct_tensor_use_count(&mut n, self.as_ptr()) };
        n
    }
    /// Whether two tensors view the same storage.
    pub fn shares_storage(&self, other: &Tensor) -> bool {
        let mut b = false;
        unsafe { sys::ct_tensor_shares_storage(&mut b, self.as_ptr(), other.as_ptr()) };
        b
    }

    // ---- conversion

    /// Converted to another kind (`ct_to`; self when already that kind).
    pub fn to_kind(&self, kind: Kind) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_to(o, self.as_ptr(), kind.c_int(), sys::CT_DEVICE_NONE, -1, false) })
    }
    /// Moved to another device (`ct_to`).
    pub fn to_device(&self, device: Device) -> Result<Tensor> {
        let (dt, di) = device.c_pair();
        Tensor::wrap(|o| unsafe { sys::ct_to(o, self.as_ptr(), sys::CT_DTYPE_NONE, dt, di, false) })
    }
    /// `ct_contiguous`.
    pub fn contiguous(&self) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_contiguous(o, self.as_ptr()) })
    }
    /// A copy with its own memory (`ct_clone`, PyTorch's `clone`).
    pub fn deep_clone(&self) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_clone(o, self.as_ptr()) })
    }
    /// Copies src into self (`ct_copy_`).
    pub fn copy_(&mut self, src: &Tensor) -> Result<()> {
        check(unsafe { sys::ct_copy_(self.as_ptr(), src.as_ptr()) })
    }
    /// All elements, in row-major order, converted to `T` (on the CPU).
    pub fn to_vec<T: Element>(&self) -> Result<Vec<T>> {
        let t = Tensor::wrap(|o| unsafe {
            sys::ct_to(o, self.as_ptr(), T::KIND.c_int(), sys::CT_DEVICE_CPU, 0, false)
        })?
        .contiguous()?;
        let n = t.numel();
        let mut v = vec![T::default(); n];
        if n > 0 {
            // SAFETY: t is a contiguous CPU tensor of n elements of T's kind.
            unsafe { std::ptr::copy_nonoverlapping(t.data_ptr() as *const T, v.as_mut_ptr(), n) };
        }
        Ok(v)
    }
    /// The single element, converted to `T` (`ct_tensor_item`).
    pub fn item<T: Element>(&self) -> Result<T> {
        let mut v = T::default();
        check(unsafe { sys::ct_tensor_item(&mut v as *mut T as *mut c_void, T::KIND.c_int(), self.as_ptr()) })?;
        Ok(v)
    }
    /// The single element as f64.
    pub fn double_value(&self) -> Result<f64> {
        self.item::<f64>()
    }
    /// The single element as i64.
    pub fn int64_value(&self) -> Result<i64> {
        self.item::<i64>()
    }
    /// PyTorch's repr (`ct_tensor_format`), with `dtype_prefix` before dtype names.
    pub fn format(&self, dtype_prefix: &str) -> Result<String> {
        let prefix = std::ffi::CString::new(dtype_prefix)
            .map_err(|_| Error::new(ErrorKind::InvalidArgument, "NUL in dtype_prefix"))?;
        let mut len = 0usize;
        check(unsafe { sys::ct_tensor_format(std::ptr::null_mut(), 0, &mut len, self.as_ptr(), prefix.as_ptr()) })?;
        let mut buf = vec![0u8; len + 1];
        check(unsafe {
            sys::ct_tensor_format(buf.as_mut_ptr() as *mut _, buf.len(), &mut len, self.as_ptr(), prefix.as_ptr())
        })?;
        buf.truncate(len);
        String::from_utf8(buf).map_err(|_| Error::new(ErrorKind::Internal, "non-UTF-8 format output"))
    }
}

impl fmt::Display for Tensor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.format("") {
            Ok(s) => f.write_str(&s),
            Err(e) => write!(f, "<tensor: {}>", e),
        }
    }
}

impl fmt::Debug for Tensor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Tensor[{:?}, {:?}, {:?}]", self.size(), self.kind(), self.device())
    }
}
