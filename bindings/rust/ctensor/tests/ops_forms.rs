//! The `_out` and in-place forms against the functional ones, the remaining view, linalg and
//! index wrappers, `from_blob`, and one error per family.
use ctensor::{Device, ErrorKind, Kind, Tensor, TensorIndexer};

const F: (Kind, Device) = (Kind::Float, Device::Cpu);

fn a23() -> Tensor {
    Tensor::arange(6, F).unwrap().reshape(&[2, 3]).unwrap()
}

fn m(shape: &[i64], offset: f64) -> Tensor {
    let n: i64 = shape.iter().product();
    Tensor::arange(n, F).unwrap().add_scalar(offset).unwrap().reshape(shape).unwrap()
}

fn vals(t: &Tensor) -> Vec<f64> {
    t.to_vec::<f64>().unwrap()
}

fn same(a: &Tensor, b: &Tensor) {
    assert_eq!(a.size(), b.size());
    assert_eq!(a.kind(), b.kind());
    let (x, y) = (vals(a), vals(b));
    for (p, q) in x.iter().zip(&y) {
        assert!((p - q).abs() <= 1e-5 * (1.0 + q.abs()), "{:?} != {:?}", x, y);
    }
}

/// A 0-element tensor of `t`'s kind (the library does not resize `out`: a wrong shape fails).
fn out_like(t: &Tensor) -> Tensor {
    Tensor::empty(&[0], (t.kind(), Device::Cpu)).unwrap()
}

/// Runs an `_out` form into a fresh tensor of `want`'s shape and kind and compares.
fn via_out(want: &Tensor, f: impl FnOnce(&mut Tensor) -> ctensor::Result<()>) {
    let mut o = want.full_like(-99).unwrap();
    f(&mut o).unwrap();
    same(&o, want);
}

#[test]
fn views() {
    let t = m(&[2, 3, 4], 0.0);
    let v = t.movedims(&[0, 1], &[2, 0]).unwrap();
    assert_eq!(v.size(), vec![3, 4, 2]);
    same(&v, &t.permute(&[1, 2, 0]).unwrap());
    assert!(v.shares_storage(&t));
    assert_eq!(t.movedims(&[0], &[1, 2]).unwrap_err().kind, ErrorKind::InvalidArgument);
    assert!(t.movedims(&[0, 0], &[1, 2]).is_err());

    let c = m(&[3, 2], 1.0).view_as_complex().unwrap();
    assert_eq!(c.kind(), Kind::ComplexFloat);
    assert_eq!(c.size(), vec![3]);
    same(&c.real().unwrap(), &Tensor::from_slice(&[1f32, 3., 5.]).unwrap());
    same(&c.imag().unwrap(), &Tensor::from_slice(&[2f32, 4., 6.]).unwrap());
    let r = c.view_as_real().unwrap();
    assert_eq!(r.size(), vec![3, 2]);
    same(&r, &m(&[3, 2], 1.0));
    assert!(a23().view_as_real().is_err());
    assert!(m(&[2, 3], 0.0).view_as_complex().is_err());
}

#[test]
fn structure_forms() {
    let (a, b) = (a23(), m(&[2, 3], 10.0));
    via_out(&Tensor::cat(&[&a, &b], 1).unwrap(), |o| Tensor::cat_out(o, &[&a, &b], 1));
    via_out(&Tensor::stack(&[&a, &b], 0).unwrap(), |o| Tensor::stack_out(o, &[&a, &b], 0));
    let mut out = out_like(&a);
    assert_eq!(Tensor::cat_out(&mut out, &[&a, &m(&[3, 3], 0.0)], 1).unwrap_err().kind, ErrorKind::Shape);

    let sq = m(&[3, 3], 1.0);
    for d in [-1, 0, 1] {
        via_out(&sq.tril(d).unwrap(), |o| sq.tril_out(o, d));
        let mut i = sq.deep_clone().unwrap();
        i.tril_(d).unwrap();
        same(&i, &sq.tril(d).unwrap());
        via_out(&sq.triu(d).unwrap(), |o| sq.triu_out(o, d));
        let mut i = sq.deep_clone().unwrap();
        i.triu_(d).unwrap();
        same(&i, &sq.triu(d).unwrap());
    }
    assert!(Tensor::from_slice(&[1f32, 2.]).unwrap().tril_(0).is_err());
}

#[test]
fn reduction_forms() {
    let t = m(&[2, 3], 1.0);
    let dims: Option<&[i64]> = Some(&[1]);
    for keep in [false, true] {
        via_out(&t.sum_dim(dims, keep, None).unwrap(), |o| t.sum_out(o, dims, keep, None));
        via_out(&t.prod_dim(dims, keep, None).unwrap(), |o| t.prod_out(o, dims, keep, None));
        via_out(&t.mean_dim(None, keep, None).unwrap(), |o| t.mean_out(o, None, keep, None));
        via_out(&t.logsumexp(dims, keep).unwrap(), |o| t.logsumexp_out(o, dims, keep));
        via_out(&t.amax(dims, keep).unwrap(), |o| t.amax_out(o, dims, keep));
        via_out(&t.amin(None, keep).unwrap(), |o| t.amin_out(o, None, keep));
        via_out(&t.var(dims, 1.0, keep).unwrap(), |o| t.var_out(o, dims, 1.0, keep));
        via_out(&t.std(dims, 0.0, keep).unwrap(), |o| t.std_out(o, dims, 0.0, keep));
        via_out(&t.norm(2.0, dims, keep).unwrap(), |o| t.norm_out(o, 2.0, dims, keep));

        for (d, max) in [(1, true), (0, false)] {
            let (ev, ei) = if max { t.max_dim(d, keep) } else { t.min_dim(d, keep) }.unwrap();
            let (mut v, mut i) = (ev.zeros_like().unwrap(), ei.zeros_like().unwrap());
            if max { t.max_dim_out(&mut v, &mut i, d, keep) } else { t.min_dim_out(&mut v, &mut i, d, keep) }.unwrap();
            same(&v, &ev);
            same(&i, &ei);
        }
        via_out(&t.argmax(Some(1), keep).unwrap(), |o| t.argmax_out(o, Some(1), keep));
        via_out(&t.argmin(None, keep).unwrap(), |o| t.argmin_out(o, None, keep));

        let b = t.gt_scalar(2.0).unwrap();
        via_out(&b.all(dims, keep).unwrap(), |o| b.all_out(o, dims, keep));
        via_out(&b.any(dims, keep).unwrap(), |o| b.any_out(o, dims, keep));
    }
    for d in [0, 1] {
        via_out(&t.cumsum(d, None).unwrap(), |o| t.cumsum_out(o, d, None));
        let mut i = t.deep_clone().unwrap();
        i.cumsum_(d).unwrap();
        same(&i, &t.cumsum(d, None).unwrap());
        via_out(&t.cumprod(d, None).unwrap(), |o| t.cumprod_out(o, d, None));
        let mut i = t.deep_clone().unwrap();
        i.cumprod_(d).unwrap();
        same(&i, &t.cumprod(d, None).unwrap());
        via_out(&t.softmax(d, None).unwrap(), |o| t.softmax_out(o, d, None));
        via_out(&t.log_softmax(d, None).unwrap(), |o| t.log_softmax_out(o, d, None));
    }
    let mut d = Tensor::empty(&[], (Kind::Double, Device::Cpu)).unwrap();
    t.sum_out(&mut d, None, false, Some(Kind::Double)).unwrap();
    assert_eq!(d.double_value().unwrap(), 21.0);
    let mut o = out_like(&t);
    assert_eq!(t.sum_out(&mut o, Some(&[5]), false, None).unwrap_err().kind, ErrorKind::Index);
    assert!(t.deep_clone().unwrap().cumsum_(7).is_err());
}

#[test]
fn linalg_forms() {
    let (a, b) = (m(&[2, 3], 0.0), m(&[3, 4], 1.0));
    let mut o = out_like(&a);
    via_out(&a.matmul(&b).unwrap(), |o| a.matmul_out(&b, o));
    via_out(&a.mm(&b).unwrap(), |o| a.mm_out(&b, o));
    let (x, y) = (m(&[2, 2, 3], 0.0), m(&[2, 3, 2], 1.0));
    via_out(&x.bmm(&y).unwrap(), |o| x.bmm_out(&y, o));

    let v = Tensor::from_slice(&[1f32, 2., 3.]).unwrap();
    let mv = a.mv(&v).unwrap();
    same(&mv, &Tensor::from_slice(&[8f32, 26.]).unwrap());
    via_out(&mv, |o| a.mv_out(&v, o));
    via_out(&v.dot(&v).unwrap(), |o| v.dot_out(&v, o));
    via_out(&v.outer(&v).unwrap(), |o| v.outer_out(&v, o));

    let c = m(&[2, 4], 0.5);
    let want = c.addmm(&a, &b, 0.5, 2.0).unwrap();
    via_out(&want, |o| c.addmm_out(o, &a, &b, 0.5, 2.0));
    let mut ci = c.deep_clone().unwrap();
    ci.addmm_(&a, &b, 0.5, 2.0).unwrap();
    same(&ci, &want);

    let bc = m(&[2, 2, 2], 1.0);
    let bw = bc.baddbmm(&x, &y, 2, 3).unwrap();
    let manual = bc.mul_scalar(2).unwrap().add(&x.bmm(&y).unwrap().mul_scalar(3).unwrap()).unwrap();
    same(&bw, &manual);
    via_out(&bw, |o| bc.baddbmm_out(o, &x, &y, 2, 3));
    let mut bi = bc.deep_clone().unwrap();
    bi.baddbmm_(&x, &y, 2, 3).unwrap();
    same(&bi, &bw);

    assert_eq!(a.mv(&Tensor::from_slice(&[1f32, 2.]).unwrap()).unwrap_err().kind, ErrorKind::Shape);
    assert!(a.mm_out(&a, &mut o).is_err());
    assert!(bc.baddbmm(&a, &b, 1, 1).is_err());
}

#[test]
fn index_forms() {
    let t = a23();
    let idx = Tensor::from_slice(&[2i64, 0]).unwrap();
    let mut o = out_like(&t);
    via_out(&t.index_select(1, &idx).unwrap(), |o| t.index_select_out(o, 1, &idx));
    let gi = Tensor::from_vec(vec![0i64, 0, 1, 1, 0, 1], &[2, 3]).unwrap();
    via_out(&t.gather(0, &gi).unwrap(), |o| t.gather_out(o, 0, &gi));
    assert_eq!(t.index_select_out(&mut o, 1, &Tensor::from_slice(&[9i64]).unwrap()).unwrap_err().kind, ErrorKind::Index);

    let z = Tensor::zeros(&[2, 3], F).unwrap();
    let si = Tensor::from_vec(vec![2i64, 0, 1, 1, 2, 0], &[2, 3]).unwrap();
    let want = z.scatter(1, &si, &t).unwrap();
    let mut zi = z.deep_clone().unwrap();
    zi.scatter_(1, &si, &t).unwrap();
    same(&zi, &want);
    let want = z.scatter_add(1, &si, &t).unwrap();
    let mut zi = z.deep_clone().unwrap();
    zi.scatter_add_(1, &si, &t).unwrap();
    same(&zi, &want);
    let sv = z.scatter_value(1, &Tensor::from_vec(vec![1i64, 2], &[2, 1]).unwrap(), 7.0).unwrap();
    assert_eq!(vals(&sv), vec![0., 7., 0., 0., 0., 7.]);
    let mut zi = z.deep_clone().unwrap();
    zi.scatter_value_(1, &Tensor::from_vec(vec![1i64, 2], &[2, 1]).unwrap(), 7.0).unwrap();
    same(&zi, &sv);
    assert!(zi.scatter_(1, &Tensor::from_vec(vec![5i64], &[1, 1]).unwrap(), &t).is_err());

    let mask = t.gt_scalar(3).unwrap();
    let val = Tensor::scalar_tensor(-1.0).unwrap();
    let mf = t.masked_fill_tensor(&mask, &val).unwrap();
    same(&mf, &t.masked_fill(&mask, -1.0).unwrap());
    let mut ti = t.deep_clone().unwrap();
    ti.masked_fill_tensor_(&mask, &val).unwrap();
    same(&ti, &mf);
    assert!(t.masked_fill_tensor(&mask, &Tensor::from_slice(&[1f32, 2.]).unwrap()).is_err());

    let rows = Tensor::from_slice(&[0i64, 1]).unwrap();
    let items = [TensorIndexer::IndexSelect(rows), TensorIndexer::Select(1)];
    let v = Tensor::from_slice(&[10f32, 20.]).unwrap();
    let p = t.index_put(&items, &v, false).unwrap();
    assert_eq!(vals(&p), vec![0., 10., 2., 3., 20., 5.]);
    assert_eq!(vals(&t), vec![0., 1., 2., 3., 4., 5.]);
    let acc = t.index_put(&items, &v, true).unwrap();
    assert_eq!(vals(&acc), vec![0., 11., 2., 3., 24., 5.]);
    let mut ti = t.deep_clone().unwrap();
    ti.index_put_(&items, &v, false).unwrap();
    same(&ti, &p);
    assert!(ti.index_put_(&items, &Tensor::from_slice(&[1f32, 2., 3.]).unwrap(), false).is_err());
}


unsafe extern "C" fn count_delete(_data: *mut std::os::raw::c_void, ctx: *mut std::os::raw::c_void) {
    *(ctx as *mut usize) += 1;
}

#[test]
fn from_blob() {
    let mut data = vec![1f32, 2., 3., 4., 5., 6.];
    let mut deleted = 0usize;
    {
        let t = unsafe {
            Tensor::from_blob(data.as_mut_ptr() as *mut _, &[2, 3], None, Kind::Float, Device::Cpu,
                Some(count_delete), &mut deleted as *mut usize as *mut _, false)
        }
        .unwrap();
        assert_eq!(t.data_ptr() as *const f32, data.as_ptr());
        let mut u = t.clone();
        u.mul_scalar_(2).unwrap();
        let tt = unsafe {
            Tensor::from_blob(data.as_mut_ptr() as *mut _, &[3, 2], Some(&[1, 3]), Kind::Float, Device::Cpu,
                None, std::ptr::null_mut(), true)
        }
        .unwrap();
        same(&tt, &t.t().unwrap());
        let mut ro = tt.clone();
        assert_eq!(ro.add_scalar_(1).unwrap_err().kind, ErrorKind::ReadOnly);
        let bad = unsafe {
            Tensor::from_blob(data.as_mut_ptr() as *mut _, &[2], Some(&[-1]), Kind::Float, Device::Cpu,
                Some(count_delete), &mut deleted as *mut usize as *mut _, false)
        };
        assert_eq!(bad.unwrap_err().kind, ErrorKind::InvalidArgument);
        assert_eq!(deleted, 0);
    }
    assert_eq!(deleted, 1);
    assert_eq!(data, vec![2., 4., 6., 8., 10., 12.]);
}
