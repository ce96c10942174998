//! DLPack round trips with the library's live counters (one process, serialised tests).
use ctensor::{DLPackTensor, Device, Kind, Tensor};
use std::sync::Mutex;

static LOCK: Mutex<()> = Mutex::new(());

fn live() -> (i64, i64) {
    let (mut e, mut i) = (0i64, 0i64);
    assert_eq!(unsafe { ctensor::sys::ct_dlpack_live(&mut e, &mut i) }, ctensor::sys::CT_OK);
    (e, i)
}

#[test]
fn owned_wrapper_round_trip_shares_memory() {
    let _g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let base = live();
    let c = Tensor::arange(6, (Kind::Float, Device::Cpu)).unwrap().reshape(&[2, 3]).unwrap();
    let dl = c.to_dlpack().unwrap();
    assert_eq!(live().0, base.0 + 1);
    assert_eq!(dl.shape(), vec![2, 3]);
    assert_eq!(dl.dl_tensor().data, c.data_ptr());
    let mut d = dl.into_tensor().unwrap();
    assert_eq!(d.data_ptr(), c.data_ptr());
    d.add_scalar_(1).unwrap();
    assert_eq!(c.to_vec::<f32>().unwrap(), vec![1., 2., 3., 4., 5., 6.]);
    drop(d);
    assert_eq!(live(), base, "the deleter runs when the import is released");
}

#[test]
fn owned_wrapper_drop_calls_deleter_once() {
    let _g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let base = live();
    let c = Tensor::ones(&[4], (Kind::Double, Device::Cpu)).unwrap();
    let dl = c.to_dlpack().unwrap();
    assert_eq!(live().0, base.0 + 1);
    drop(dl);
    assert_eq!(live(), base);
    assert_eq!(c.use_count(), 1);
}

#[test]
fn raw_functions_round_trip() {
    let _g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let base = live();
    let c = Tensor::from_slice(&[1i32, 2, 3]).unwrap();
    let raw = unsafe { c.to_dlpack_raw() }.unwrap();
    assert!(!raw.is_null());
    let d = unsafe { Tensor::from_dlpack_raw(raw) }.unwrap();
    assert_eq!(d.to_vec::<i32>().unwrap(), vec![1, 2, 3]);
    assert_eq!(d.kind(), Kind::Int32);
    drop(d);
    assert_eq!(live(), base);
    // a raw export handed to the owned wrapper
    let raw = unsafe { c.to_dlpack_raw() }.unwrap();
    let w = unsafe { DLPackTensor::from_raw(raw) }.unwrap();
    drop(w);
    assert_eq!(live(), base);
}
