//! No leaks: the library's allocator statistics are the same before and after a workload.
//! One test in its own process, so that no other test allocates meanwhile.
use ctensor::{Device, IndexOp, Kind, Tensor};

fn workload() {
    let a = Tensor::arange(12, (Kind::Float, Device::Cpu)).unwrap().reshape(&[3, 4]).unwrap();
    let b = a.clone();
    let c = &a + &b;
    let m = c.matmul(&c.t().unwrap()).unwrap();
    let _ = m.to_string();
    let _ = (m.sum(None).unwrap(), c.mean_dim(Some(&[1]), false, None).unwrap());
    let _ = c.i((.., 1..3)).unwrap().contiguous().unwrap();
    let _ = c.chunk(2, 1).unwrap();
    let _ = a.reshape(&[5]).unwrap_err();
    let d = c.to_dlpack().unwrap().into_tensor().unwrap();
    let _ = d.to_vec::<f32>().unwrap();
    let _ = c.to_dlpack().unwrap();
    let mut e = c.deep_clone().unwrap();
    e += 1.0;
    let _ = (e.sort(1, true).unwrap(), e.max_dim(0, false).unwrap());
}

#[test]
fn no_leaks() {
    workload(); // warm up lazily created library state
    let before = ctensor::memory_stats().unwrap();
    for _ in 0..3 {
        workload();
    }
    let after = ctensor::memory_stats().unwrap();
    assert_eq!((before.0, before.1), (after.0, after.1), "live blocks/bytes before and after");
}
