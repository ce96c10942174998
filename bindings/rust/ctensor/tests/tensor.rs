//! Values against hand-computed results, errors, refcounts, threads.
use ctensor::{Device, ErrorKind, IndexOp, Kind, Tensor, TensorIndexer};

const F: (Kind, Device) = (Kind::Float, Device::Cpu);
const D: (Kind, Device) = (Kind::Double, Device::Cpu);

fn a23() -> Tensor {
    Tensor::arange(6, F).unwrap().reshape(&[2, 3]).unwrap()
}

#[test]
fn constructors() {
    let z = Tensor::zeros(&[2, 3], F).unwrap();
    assert_eq!(z.size(), vec![2, 3]);
    assert_eq!(z.dim(), 2);
    assert_eq!(z.numel(), 6);
    assert_eq!(z.kind(), Kind::Float);
    assert_eq!(z.device(), Device::Cpu);
    assert_eq!(z.to_vec::<f32>().unwrap(), vec![0.0; 6]);
    assert_eq!(Tensor::ones(&[3], D).unwrap().to_vec::<f64>().unwrap(), vec![1.0; 3]);
    assert_eq!(Tensor::full(&[2], 2.5, F).unwrap().to_vec::<f32>().unwrap(), vec![2.5, 2.5]);
    assert_eq!(Tensor::arange(4, (Kind::Int64, Device::Cpu)).unwrap().to_vec::<i64>().unwrap(), vec![0, 1, 2, 3]);
    assert_eq!(
        Tensor::arange_start_step(1.0, 2.0, 0.25, D).unwrap().to_vec::<f64>().unwrap(),
        vec![1.0, 1.25, 1.5, 1.75]
    );
    assert_eq!(Tensor::linspace(0.0, 1.0, 5, D).unwrap().to_vec::<f64>().unwrap(), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
    assert_eq!(Tensor::eye(2, 3, F).unwrap().to_vec::<f32>().unwrap(), vec![1., 0., 0., 0., 1., 0.]);
    assert_eq!(Tensor::empty(&[4, 5], F).unwrap().size(), vec![4, 5]);
    let v = Tensor::from_vec(vec![1i32, 2, 3, 4, 5, 6], &[3, 2]).unwrap();
    assert_eq!(v.kind(), Kind::Int32);
    assert_eq!(v.size(), vec![3, 2]);
    assert_eq!(v.to_vec::<i32>().unwrap(), vec![1, 2, 3, 4, 5, 6]);
    let e = Tensor::from_vec(vec![1u8, 2, 3], &[2, 2]).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Shape);
    let b = Tensor::from_slice(&[true, false]).unwrap();
    assert_eq!(b.kind(), Kind::Bool);
    assert_eq!(b.to_vec::<bool>().unwrap(), vec![true, false]);
    for (k, v) in [(Kind::Uint8, 7.0), (Kind::Int8, -7.0), (Kind::Int16, 300.0), (Kind::Float, 0.5)] {
        let t = Tensor::full(&[1], v, (k, Device::Cpu)).unwrap();
        assert_eq!(t.kind(), k);
        assert_eq!(t.item::<f64>().unwrap(), v);
    }
}

#[test]
fn like_and_new() {
    let a = a23();
    let z = a.zeros_like().unwrap();
    assert_eq!((z.size(), z.kind()), (vec![2, 3], Kind::Float));
    assert_eq!(a.ones_like().unwrap().sum(None).unwrap().item::<f64>().unwrap(), 6.0);
    assert_eq!(a.full_like(3).unwrap().to_vec::<f32>().unwrap(), vec![3.0; 6]);
    assert_eq!(a.empty_like(Some(Kind::Int64), None).unwrap().kind(), Kind::Int64);
    assert_eq!(a.new_zeros(&[4]).unwrap().to_vec::<f32>().unwrap(), vec![0.0; 4]);
    assert_eq!(a.new_ones(&[2]).unwrap().kind(), Kind::Float);
    assert_eq!(a.new_full(&[2], 9).unwrap().to_vec::<f32>().unwrap(), vec![9.0, 9.0]);
    assert_eq!(a.new_empty(&[1, 2]).unwrap().size(), vec![1, 2]);
    assert_eq!(a.new_tensor(&[1i64, 2], &[2]).unwrap().to_vec::<f32>().unwrap(), vec![1.0, 2.0]);
    assert_eq!(a.rand_like().unwrap().size(), vec![2, 3]);
    assert_eq!(a.randn_like().unwrap().size(), vec![2, 3]);
}

#[test]
fn random_is_seeded() {
    ctensor::manual_seed(42).unwrap();
    let x = Tensor::rand(&[100], D).unwrap();
    ctensor::manual_seed(42).unwrap();
    let y = Tensor::rand(&[100], D).unwrap();
    let (xv, yv) = (x.to_vec::<f64>().unwrap(), y.to_vec::<f64>().unwrap());
    assert!(xv.iter().all(|&v| (0.0..1.0).contains(&v)));
    assert_eq!(xv, yv);
    assert_eq!(Tensor::randn(&[3, 4], F).unwrap().size(), vec![3, 4]);
    let r = Tensor::randint(0, 5, &[50], (Kind::Int64, Device::Cpu)).unwrap().to_vec::<i64>().unwrap();
    assert!(r.iter().all(|&v| (0..5).contains(&v)));
}

#[test]
fn elementwise_generated() {
    let x = Tensor::from_slice(&[1.0f64, 4.0, 9.0]).unwrap();
    assert_eq!(x.sqrt().unwrap().to_vec::<f64>().unwrap(), vec![1.0, 2.0, 3.0]);
    assert_eq!(x.neg().unwrap().abs().unwrap().to_vec::<f64>().unwrap(), vec![1.0, 4.0, 9.0]);
    assert_eq!(x.reciprocal().unwrap().to_vec::<f64>().unwrap(), vec![1.0, 0.25, 1.0 / 9.0]);
    let mut y = x.deep_clone().unwrap();
    y.square_().unwrap();
    assert_eq!(y.to_vec::<f64>().unwrap(), vec![1.0, 16.0, 81.0]);
    let mut out = x.empty_like(None, None).unwrap();
    x.log2_out(&mut out).unwrap();
    assert_eq!(out.to_vec::<f64>().unwrap()[0], 0.0);
    let two = Tensor::from_slice(&[2.0f64, 2.0, 2.0]).unwrap();
    assert_eq!(x.pow(&two).unwrap().to_vec::<f64>().unwrap(), vec![1.0, 16.0, 81.0]);
    assert_eq!(x.mul_scalar(2).unwrap().to_vec::<f64>().unwrap(), vec![2.0, 8.0, 18.0]);
    assert_eq!(x.maximum_scalar(5.0).unwrap().to_vec::<f64>().unwrap(), vec![5.0, 5.0, 9.0]);
    assert_eq!(x.gt_scalar(3).unwrap().to_vec::<bool>().unwrap(), vec![false, true, true]);
    assert_eq!(x.eq(&x).unwrap().kind(), Kind::Bool);
    let mut z = x.deep_clone().unwrap();
    z.remainder_scalar_(4).unwrap();
    assert_eq!(z.to_vec::<f64>().unwrap(), vec![1.0, 0.0, 1.0]);
    let i = Tensor::from_slice(&[6i64, 7]).unwrap();
    assert_eq!(i.bitwise_and_scalar(3).unwrap().to_vec::<i64>().unwrap(), vec![2, 3]);
    // promotion: int tensor * float scalar is float
    assert_eq!(i.mul_scalar(0.5).unwrap().to_vec::<f32>().unwrap(), vec![3.0, 3.5]);
    assert_eq!(x.clamp(2, 5).unwrap().to_vec::<f64>().unwrap(), vec![2.0, 4.0, 5.0]);
    assert_eq!(x.div_scalar(2).unwrap().to_vec::<f64>().unwrap(), vec![0.5, 2.0, 4.5]);
    assert_eq!(x.add_alpha(&x, 2).unwrap().to_vec::<f64>().unwrap(), vec![3.0, 12.0, 27.0]);
    assert_eq!(x.sub_alpha(&x, 2).unwrap().to_vec::<f64>().unwrap(), vec![-1.0, -4.0, -9.0]);
    assert_eq!(x.sub_scalar(1).unwrap().to_vec::<f64>().unwrap(), vec![0.0, 3.0, 8.0]);
    let r = Tensor::from_slice(&[-1.0f64, 0.0, 2.0]).unwrap().relu().unwrap();
    assert_eq!(r.to_vec::<f64>().unwrap(), vec![0.0, 0.0, 2.0]);
    assert_eq!(Tensor::from_slice(&[1.26f64]).unwrap().round(1).unwrap().item::<f64>().unwrap(), 1.3);
}

#[test]
fn std_ops() {
    let a = a23();
    let b = Tensor::full(&[2, 3], 2.0, F).unwrap();
    assert_eq!((&a + &b).to_vec::<f32>().unwrap(), vec![2., 3., 4., 5., 6., 7.]);
    assert_eq!((&a - &b).to_vec::<f32>().unwrap(), vec![-2., -1., 0., 1., 2., 3.]);
    assert_eq!((&a * &b).to_vec::<f32>().unwrap(), vec![0., 2., 4., 6., 8., 10.]);
    assert_eq!((&a / &b).to_vec::<f32>().unwrap(), vec![0., 0.5, 1., 1.5, 2., 2.5]);
    assert_eq!((-&a).to_vec::<f32>().unwrap(), vec![0., -1., -2., -3., -4., -5.]);
    assert_eq!((&a + 1.5).to_vec::<f32>().unwrap()[0], 1.5);
    assert_eq!((&a * 3i64).to_vec::<f32>().unwrap()[5], 15.0);
    assert_eq!((a.shallow() - 1i64).to_vec::<f32>().unwrap()[0], -1.0);
    let c = a.shallow() + b.shallow();
    assert_eq!(c.to_vec::<f32>().unwrap()[5], 7.0);
    let mut d = c.deep_clone().unwrap();
    d += 1.0;
    d *= &b;
    assert_eq!(d.to_vec::<f32>().unwrap()[0], 6.0);
}

trait Shallow {
    fn shallow(&self) -> Tensor;
}
impl Shallow for Tensor {
    fn shallow(&self) -> Tensor {
        self.clone()
    }
}

#[test]
#[should_panic(expected = "ct_add")]
fn std_ops_panic_on_error() {
    let _ = &Tensor::zeros(&[2], F).unwrap() + &Tensor::zeros(&[3], F).unwrap();
}

#[test]
fn errors_carry_kind_and_message() {
    let a = Tensor::zeros(&[2, 3], F).unwrap();
    let b = Tensor::zeros(&[2, 3], F).unwrap();
    let e = a.matmul(&b).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Shape);
    assert!(e.message.contains("ct_matmul"), "{}", e.message);
    assert!(e.to_string().starts_with("Shape: "));
    let e = a.reshape(&[4]).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Shape);
    assert!(e.message.contains("ct_reshape"), "{}", e.message);
    let e = a.select(0, 5).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Index);
    let e = a.i((0, 0, 0)).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Index);
    assert!(e.message.contains("ct_index"), "{}", e.message);
    let boxed: Box<dyn std::error::Error> = Box::new(e);
    assert!(!boxed.to_string().is_empty());
    assert_eq!(ErrorKind::from_status(ErrorKind::DLPack.status()), ErrorKind::DLPack);
}

#[test]
fn display_and_debug() {
    let a = a23();
    assert_eq!(a.to_string(), "tensor([[0., 1., 2.],\n        [3., 4., 5.]])");
    let i = Tensor::from_slice(&[1i32, 2]).unwrap();
    assert_eq!(format!("{}", i), "tensor([1, 2], dtype=int32)");
    assert_eq!(i.format("torch.").unwrap(), "tensor([1, 2], dtype=torch.int32)");
    assert_eq!(format!("{:?}", a), "Tensor[[2, 3], Float, Cpu]");
}

#[test]
fn views_and_structure() {
    let a = a23();
    let t = a.t().unwrap();
    assert_eq!(t.size(), vec![3, 2]);
    assert!(!t.is_contiguous());
    assert!(t.shares_storage(&a));
    assert_eq!(t.contiguous().unwrap().to_vec::<f32>().unwrap(), vec![0., 3., 1., 4., 2., 5.]);
    assert_eq!(t.to_vec::<f32>().unwrap(), vec![0., 3., 1., 4., 2., 5.]);
    assert_eq!(a.transpose(0, 1).unwrap().stride(), vec![1, 3]);
    assert_eq!(a.permute(&[1, 0]).unwrap().size(), vec![3, 2]);
    assert_eq!(a.unsqueeze(0).unwrap().size(), vec![1, 2, 3]);
    assert_eq!(a.unsqueeze(0).unwrap().squeeze().unwrap().size(), vec![2, 3]);
    assert_eq!(a.view(&[3, 2]).unwrap().size(), vec![3, 2]);
    assert_eq!(a.flatten(0, -1).unwrap().size(), vec![6]);
    assert_eq!(a.narrow(1, 1, 2).unwrap().to_vec::<f32>().unwrap(), vec![1., 2., 4., 5.]);
    assert_eq!(a.select(0, 1).unwrap().to_vec::<f32>().unwrap(), vec![3., 4., 5.]);
    assert_eq!(a.slice(1, 0, 3, 2).unwrap().to_vec::<f32>().unwrap(), vec![0., 2., 3., 5.]);
    assert_eq!(a.i(0).unwrap().expand(&[2, 3]).unwrap().to_vec::<f32>().unwrap(), vec![0., 1., 2., 0., 1., 2.]);
    let c = Tensor::cat(&[&a, &a], 0).unwrap();
    assert_eq!(c.size(), vec![4, 3]);
    assert_eq!(Tensor::stack(&[&a, &a], 0).unwrap().size(), vec![2, 2, 3]);
    let parts = c.split(3, 0).unwrap();
    assert_eq!(parts.iter().map(|p| p.size()[0]).collect::<Vec<_>>(), vec![3, 1]);
    let ch = a.chunk(3, 1).unwrap();
    assert_eq!(ch.len(), 3);
    assert_eq!(ch[2].to_vec::<f32>().unwrap(), vec![2., 5.]);
    assert_eq!(a.unbind(0).unwrap().len(), 2);
    assert_eq!(a.flip(&[1]).unwrap().to_vec::<f32>().unwrap(), vec![2., 1., 0., 5., 4., 3.]);
    assert_eq!(a.roll(&[1], &[1]).unwrap().to_vec::<f32>().unwrap(), vec![2., 0., 1., 5., 3., 4.]);
    assert_eq!(a.repeat(&[1, 2]).unwrap().size(), vec![2, 6]);
    assert_eq!(a.triu(1).unwrap().to_vec::<f32>().unwrap(), vec![0., 1., 2., 0., 0., 5.]);
}

#[test]
fn indexing() {
    let a = Tensor::arange(24, F).unwrap().reshape(&[2, 3, 4]).unwrap();
    assert_eq!(a.i(1).unwrap().size(), vec![3, 4]);
    assert_eq!(a.i((.., 1)).unwrap().size(), vec![2, 4]);
    assert_eq!(a.i((1, 1..3, -1)).unwrap().to_vec::<f32>().unwrap(), vec![19., 23.]);
    assert_eq!(a.i((0, 0, 1..)).unwrap().to_vec::<f32>().unwrap(), vec![1., 2., 3.]);
    assert_eq!(a.i((0, 0, ..=1)).unwrap().to_vec::<f32>().unwrap(), vec![0., 1.]);
    let e = a.index(&[TensorIndexer::Ellipsis, TensorIndexer::Select(0)]).unwrap();
    assert_eq!(e.size(), vec![2, 3]);
    assert_eq!(a.index(&[TensorIndexer::InsertNewAxis]).unwrap().size(), vec![1, 2, 3, 4]);
    let idx = Tensor::from_slice(&[1i64, 0]).unwrap();
    assert_eq!(a.i((0, 0, &idx)).unwrap().to_vec::<f32>().unwrap(), vec![1., 0.]);
    assert!(a.i(0).unwrap().shares_storage(&a));
}

#[test]
fn reductions() {
    let a = a23();
    assert_eq!(a.sum(None).unwrap().item::<f64>().unwrap(), 15.0);
    assert_eq!(a.sum_dim(Some(&[0]), false, None).unwrap().to_vec::<f32>().unwrap(), vec![3., 5., 7.]);
    assert_eq!(a.sum_dim(Some(&[1]), true, None).unwrap().size(), vec![2, 1]);
    assert_eq!(a.mean(None).unwrap().item::<f64>().unwrap(), 2.5);
    assert_eq!(a.mean_dim(Some(&[1]), false, None).unwrap().to_vec::<f32>().unwrap(), vec![1., 4.]);
    assert_eq!(a.max().unwrap().item::<f32>().unwrap(), 5.0);
    assert_eq!(a.min().unwrap().item::<f32>().unwrap(), 0.0);
    let (v, i) = a.max_dim(1, false).unwrap();
    assert_eq!(v.to_vec::<f32>().unwrap(), vec![2., 5.]);
    assert_eq!(i.to_vec::<i64>().unwrap(), vec![2, 2]);
    assert_eq!(a.argmax(None, false).unwrap().item::<i64>().unwrap(), 5);
    assert_eq!(a.argmin(Some(1), false).unwrap().to_vec::<i64>().unwrap(), vec![0, 0]);
    // var of 0..5 with correction 1: 3.5
    assert_eq!(a.var(None, 1.0, false).unwrap().item::<f64>().unwrap(), 3.5);
    assert!((a.std(None, 1.0, false).unwrap().item::<f64>().unwrap() - 3.5f64.sqrt()).abs() < 1e-6);
    assert_eq!(Tensor::from_slice(&[3.0f64, 4.0]).unwrap().norm(2.0, None, false).unwrap().item::<f64>().unwrap(), 5.0);
    let s = Tensor::from_slice(&[0.0f64, 0.0]).unwrap().softmax(0, None).unwrap();
    assert_eq!(s.to_vec::<f64>().unwrap(), vec![0.5, 0.5]);
    let (sv, si) = Tensor::from_slice(&[3i64, 1, 2]).unwrap().sort(0, false).unwrap();
    assert_eq!(sv.to_vec::<i64>().unwrap(), vec![1, 2, 3]);
    assert_eq!(si.to_vec::<i64>().unwrap(), vec![1, 2, 0]);
    assert_eq!(a.cumsum(1, None).unwrap().to_vec::<f32>().unwrap(), vec![0., 1., 3., 3., 7., 12.]);
    assert!(a.gt_scalar(2).unwrap().any(None, false).unwrap().item::<bool>().unwrap());
    assert_eq!(a.count_nonzero(None).unwrap().item::<i64>().unwrap(), 5);
    let (tv, _) = a.flatten(0, -1).unwrap().topk(2, 0, true, true).unwrap();
    assert_eq!(tv.to_vec::<f32>().unwrap(), vec![5., 4.]);
}

#[test]
fn linalg_and_index_functions() {
    let a = a23();
    let m = a.matmul(&a.t().unwrap()).unwrap();
    // [[0,1,2],[3,4,5]] @ its transpose = [[5,14],[14,50]]
    assert_eq!(m.to_vec::<f32>().unwrap(), vec![5., 14., 14., 50.]);
    assert_eq!(a.mm(&a.t().unwrap()).unwrap().to_vec::<f32>().unwrap(), vec![5., 14., 14., 50.]);
    let v = Tensor::from_slice(&[1.0f32, 2.0, 3.0]).unwrap();
    assert_eq!(v.dot(&v).unwrap().item::<f32>().unwrap(), 14.0);
    assert_eq!(v.outer(&v).unwrap().size(), vec![3, 3]);
    let b3 = a.unsqueeze(0).unwrap();
    assert_eq!(b3.bmm(&b3.mt().unwrap()).unwrap().size(), vec![1, 2, 2]);
    assert_eq!(Tensor::einsum("ij->ji", &[&a]).unwrap().size(), vec![3, 2]);
    let idx = Tensor::from_slice(&[2i64, 0]).unwrap();
    assert_eq!(a.index_select(1, &idx).unwrap().to_vec::<f32>().unwrap(), vec![2., 0., 5., 3.]);
    let g = Tensor::from_vec(vec![0i64, 0, 1, 0], &[2, 2]).unwrap();
    assert_eq!(a.gather(1, &g).unwrap().to_vec::<f32>().unwrap(), vec![0., 0., 4., 3.]);
    let mask = a.gt_scalar(3).unwrap();
    assert_eq!(a.masked_fill(&mask, -1).unwrap().to_vec::<f32>().unwrap(), vec![0., 1., 2., 3., -1., -1.]);
    assert_eq!(a.masked_select(&mask).unwrap().to_vec::<f32>().unwrap(), vec![4., 5.]);
    assert_eq!(a.nonzero().unwrap().size(), vec![5, 2]);
    let flat = Tensor::from_slice(&[5i64]).unwrap();
    assert_eq!(a.take(&flat).unwrap().to_vec::<f32>().unwrap(), vec![5.]);
}

#[test]
fn conversions() {
    let a = a23();
    let i = a.to_kind(Kind::Int64).unwrap();
    assert_eq!(i.kind(), Kind::Int64);
    assert_eq!(i.to_vec::<i64>().unwrap(), vec![0, 1, 2, 3, 4, 5]);
    assert_eq!(a.to_device(Device::Cpu).unwrap().device(), Device::Cpu);
    assert!(!a.data_ptr().is_null());
    assert_eq!(a.to_vec::<f64>().unwrap()[5], 5.0);
    assert_eq!(a.i((1, 2)).unwrap().item::<i32>().unwrap(), 5);
    assert!(a.item::<f32>().is_err());
    for k in Kind::ALL {
        assert_eq!(ctensor::Kind::from_c_int(k.c_int()).unwrap(), k);
    }
    assert_eq!(Kind::Float.name(), "float32");
    assert_eq!(Kind::Double.elt_size_in_bytes(), 8);
    if !Device::Cuda(0).is_available() {
        let e = a.to_device(Device::Cuda(0)).unwrap_err();
        assert!(matches!(e.kind, ErrorKind::BackendUnavailable | ErrorKind::Device), "{:?}", e);
    }
}

#[test]
fn clone_and_drop_are_retain_and_release() {
    let a = a23();
    assert_eq!(a.use_count(), 1);
    let b = a.clone();
    assert_eq!(a.use_count(), 2);
    assert_eq!(b.data_ptr(), a.data_ptr());
    {
        let _c = b.clone();
        assert_eq!(a.use_count(), 3);
    }
    assert_eq!(a.use_count(), 2);
    drop(b);
    assert_eq!(a.use_count(), 1);
    let raw = a.clone().into_raw();
    assert_eq!(a.use_count(), 2);
    drop(unsafe { Tensor::from_raw(raw) }.unwrap());
    assert_eq!(a.use_count(), 1);
}

#[test]
fn send_and_sync_across_threads() {
    fn is_send_sync<T: Send + Sync>() {}
    is_send_sync::<Tensor>();
    let a = std::sync::Arc::new(Tensor::arange(1000, D).unwrap());
    let handles: Vec<_> = (0..4)
        .map(|k| {
            let a = a.clone();
            let owned = a.as_ref().clone();
            std::thread::spawn(move || {
                let s = a.sum(None).unwrap().item::<f64>().unwrap();
                let t = owned.mul_scalar(k).unwrap().sum(None).unwrap().item::<f64>().unwrap();
                (s, t)
            })
        })
        .collect();
    for (k, h) in handles.into_iter().enumerate() {
        let (s, t) = h.join().unwrap();
        assert_eq!(s, 499500.0);
        assert_eq!(t, 499500.0 * k as f64);
    }
    assert_eq!(a.use_count(), 1);
    // a tensor made in one thread, dropped in another
    let t = std::thread::spawn(|| Tensor::ones(&[3], F).unwrap()).join().unwrap();
    assert_eq!(t.sum(None).unwrap().item::<f32>().unwrap(), 3.0);
}
