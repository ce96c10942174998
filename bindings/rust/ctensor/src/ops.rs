//! Operators as methods. The regular elementwise ones come from the generated table
//! (`elementwise_table.rs`, see `tools/gen_rust_ops.py`) through the macros below; the others
//! follow, grouped as the C headers group them.

use crate::{check, sys, Error, ErrorKind, Kind, Result, Scalar, Tensor};
use std::ops::{Bound, RangeBounds};

macro_rules! unary_ops {
    ($(($n:ident, $ni:ident, $no:ident, $c:ident, $ci:ident, $co:ident)),* $(,)?) => {
        impl Tensor {
            $(
                #[doc = concat!("`", stringify!($c), "` (include/ctensor/elementwise.h).")]
                pub fn $n(&self) -> Result<Tensor> {
                    Tensor::wrap(|o| unsafe { sys::$c(o, self.as_ptr()) })
                }
                #[doc = concat!("In place: `", stringify!($ci), "`.")]
                pub fn $ni(&mut self) -> Result<()> {
                    check(unsafe { sys::$ci(self.as_ptr()) })
                }
                #[doc = concat!("Into `out`: `", stringify!($co), "`.")]
                pub fn $no(&self, out: &mut Tensor) -> Result<()> {
                    check(unsafe { sys::$co(out.as_ptr(), self.as_ptr()) })
                }
            )*
        }
    };
}

macro_rules! binary_ops {
    ($(($n:ident, $ni:ident, $no:ident, $ns:ident, $nsi:ident,
        $c:ident, $ci:ident, $co:ident, $cs:ident, $csi:ident)),* $(,)?) => {
        impl Tensor {
            $(
                #[doc = concat!("`", stringify!($c), "` (include/ctensor/elementwise.h).")]
                pub fn $n(&self, other: &Tensor) -> Result<Tensor> {
                    Tensor::wrap(|o| unsafe { sys::$c(o, self.as_ptr(), other.as_ptr()) })
                }
                #[doc = concat!("In place: `", stringify!($ci), "`.")]
                pub fn $ni(&mut self, other: &Tensor) -> Result<()> {
                    check(unsafe { sys::$ci(self.as_ptr(), other.as_ptr()) })
                }
                #[doc = concat!("Into `out`: `", stringify!($co), "`.")]
                pub fn $no(&self, other: &Tensor, out: &mut Tensor) -> Result<()> {
                    check(unsafe { sys::$co(out.as_ptr(), self.as_ptr(), other.as_ptr()) })
                }
                #[doc = concat!("With a scalar: `", stringify!($cs), "`.")]
                pub fn $ns(&self, other: impl Into<Scalar>) -> Result<Tensor> {
                    let s = other.into();
                    let (p, d) = s.c_pair();
                    Tensor::wrap(|o| unsafe { sys::$cs(o, self.as_ptr(), p, d) })
                }
                #[doc = concat!("In place with a scalar: `", stringify!($csi), "`.")]
                pub fn $nsi(&mut self, other: impl Into<Scalar>) -> Result<()> {
                    let s = other.into();
                    let (p, d) = s.c_pair();
                    check(unsafe { sys::$csi(self.as_ptr(), p, d) })
                }
            )*
        }
    };
}

include!("elementwise_table.rs");

fn n32(len: usize) -> i32 {
    len as i32
}

/// (pointer, count) of an optional dims list: `None` is all dims (NULL, 0).
fn dims_arg(dims: Option<&[i64]>) -> (*const i64, i32) {
    match dims {
        None => (std::ptr::null(), 0),
        Some(d) => (d.as_ptr(), n32(d.len())),
    }
}

fn ok_kind(k: Option<Kind>) -> sys::ct_dtype {
    k.map_or(sys::CT_DTYPE_NONE, Kind::c_int)
}

fn raw_list(ts: &[&Tensor]) -> Vec<*mut sys::ct_tensor> {
    ts.iter().map(|t| t.as_ptr()).collect()
}

/// Runs a C function filling up to `cap` tensors, as ct_split.
fn wrap_many(
    cap: usize,
    f: impl FnOnce(*mut *mut sys::ct_tensor, i32, *mut i32) -> sys::ct_status,
) -> Result<Vec<Tensor>> {
    let mut outs: Vec<*mut sys::ct_tensor> = vec![std::ptr::null_mut(); cap.max(1)];
    let mut count = 0i32;
    check(f(outs.as_mut_ptr(), n32(outs.len()), &mut count))?;
    Ok(outs[..count as usize]
        .iter()
        .filter_map(|&p| unsafe { Tensor::from_raw(p) })
        .collect())
}

fn wrap2(
    f: impl FnOnce(*mut *mut sys::ct_tensor, *mut *mut sys::ct_tensor) -> sys::ct_status,
) -> Result<(Tensor, Tensor)> {
    let (mut a, mut b) = (std::ptr::null_mut(), std::ptr::null_mut());
    check(f(&mut a, &mut b))?;
    let null = || Error::new(ErrorKind::Internal, "the library returned a NULL tensor");
    let a = unsafe { Tensor::from_raw(a) }.ok_or_else(null)?;
    let b = unsafe { Tensor::from_raw(b) }.ok_or_else(null)?;
    Ok((a, b))
}

/// Rounding of [`Tensor::div_mode`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    None,
    Trunc,
    Floor,
}

impl Rounding {
    fn c(self) -> i32 {
        match self {
            Rounding::None => sys::CT_ROUNDING_NONE,
            Rounding::Trunc => sys::CT_ROUNDING_TRUNC,
            Rounding::Floor => sys::CT_ROUNDING_FLOOR,
        }
    }
}

const ONE: Scalar = Scalar::Int(1);

/// The ops with an alpha multiplier (`ct_add`, `ct_sub`): self OP other, self OP alpha * other,
/// in place, and with a scalar operand (alpha 1 except in the `_alpha` form).
macro_rules! alpha_ops {
    ($(($f:ident, $fa:ident, $fi:ident, $fs:ident, $fsi:ident, $op:literal,
        $c:ident, $ci:ident, $cs:ident, $csi:ident)),* $(,)?) => {$(
        #[doc = concat!("self ", $op, " other (`", stringify!($c), "`, alpha 1).")]
        pub fn $f(&self, other: &Tensor) -> Result<Tensor> {
            self.$fa(other, 1)
        }
        #[doc = concat!("self ", $op, " alpha * other (`", stringify!($c), "`).")]
        pub fn $fa(&self, other: &Tensor, alpha: impl Into<Scalar>) -> Result<Tensor> {
            let a = alpha.into();
            let (ap, ad) = a.c_pair();
            Tensor::wrap(|o| unsafe { sys::$c(o, self.as_ptr(), other.as_ptr(), ap, ad) })
        }
        #[doc = concat!("In place: self ", $op, "= other (`", stringify!($ci), "`).")]
        pub fn $fi(&mut self, other: &Tensor) -> Result<()> {
            let (ap, ad) = ONE.c_pair();
            check(unsafe { sys::$ci(self.as_ptr(), other.as_ptr(), ap, ad) })
        }
        #[doc = concat!("self ", $op, " value (`", stringify!($cs), "`).")]
        pub fn $fs(&self, value: impl Into<Scalar>) -> Result<Tensor> {
            let v = value.into();
            let (vp, vd) = v.c_pair();
            let (ap, ad) = ONE.c_pair();
            Tensor::wrap(|o| unsafe { sys::$cs(o, self.as_ptr(), vp, vd, ap, ad) })
        }
        #[doc = concat!("In place: self ", $op, "= value (`", stringify!($csi), "`).")]
        pub fn $fsi(&mut self, value: impl Into<Scalar>) -> Result<()> {
            let v = value.into();
            let (vp, vd) = v.c_pair();
            let (ap, ad) = ONE.c_pair();
            check(unsafe { sys::$csi(self.as_ptr(), vp, vd, ap, ad) })
        }
    )*};
}

impl Tensor {
    // ---- elementwise operators with extra arguments

    alpha_ops! {
        (add, add_alpha, add_, add_scalar, add_scalar_, "+",
         ct_add, ct_add_, ct_add_scalar, ct_add_scalar_),
        (sub, sub_alpha, sub_, sub_scalar, sub_scalar_, "-",
         ct_sub, ct_sub_, ct_sub_scalar, ct_sub_scalar_),
    }
    /// self / other, true division (`ct_div`).
    pub fn div(&self, other: &Tensor) -> Result<Tensor> {
        self.div_mode(other, Rounding::None)
    }
    /// self / other with a rounding mode (`ct_div`).
    pub fn div_mode(&self, other: &Tensor, mode: Rounding) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_div(o, self.as_ptr(), other.as_ptr(), mode.c()) })
    }
    /// In place: self /= other (`ct_div_`).
    pub fn div_(&mut self, other: &Tensor) -> Result<()> {
        check(unsafe { sys::ct_div_(self.as_ptr(), other.as_ptr(), sys::CT_ROUNDING_NONE) })
    }
    /// self / value (`ct_div_scalar`).
    pub fn div_scalar(&self, value: impl Into<Scalar>) -> Result<Tensor> {
        let v = value.into();
        let (vp, vd) = v.c_pair();
        Tensor::wrap(|o| unsafe { sys::ct_div_scalar(o, self.as_ptr(), vp, vd, sys::CT_ROUNDING_NONE) })
    }
    /// In place: self /= value (`ct_div_scalar_`).
    pub fn div_scalar_(&mut self, value: impl Into<Scalar>) -> Result<()> {
        let v = value.into();
        let (vp, vd) = v.c_pair();
        check(unsafe { sys::ct_div_scalar_(self.as_ptr(), vp, vd, sys::CT_ROUNDING_NONE) })
    }
    /// cond ? self : other (`ct_where`).
    pub fn where_self(&self, cond: &Tensor, other: &Tensor) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_where(o, cond.as_ptr(), self.as_ptr(), other.as_ptr()) })
    }
    /// Clamped between two tensors (`ct_clamp`).
    pub fn clamp_tensor(&self, min: &Tensor, max: &Tensor) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_clamp(o, self.as_ptr(), min.as_ptr(), max.as_ptr()) })
    }
    /// Clamped between two scalars (`ct_clamp_scalar`).
    pub fn clamp(&self, min: impl Into<Scalar>, max: impl Into<Scalar>) -> Result<Tensor> {
        let (a, b) = (min.into(), max.into());
        let ((ap, ad), (bp, bd)) = (a.c_pair(), b.c_pair());
        Tensor::wrap(|o| unsafe { sys::ct_clamp_scalar(o, self.as_ptr(), ap, ad, bp, bd) })
    }
    /// In place (`ct_clamp_scalar_`).
    pub fn clamp_(&mut self, min: impl Into<Scalar>, max: impl Into<Scalar>) -> Result<()> {
        let (a, b) = (min.into(), max.into());
        let ((ap, ad), (bp, bd)) = (a.c_pair(), b.c_pair());
        check(unsafe { sys::ct_clamp_scalar_(self.as_ptr(), ap, ad, bp, bd) })
    }
    /// self + weight * (end - self) (`ct_lerp_scalar`).
    pub fn lerp(&self, end: &Tensor, weight: impl Into<Scalar>) -> Result<Tensor> {
        let w = weight.into();
        let (wp, wd) = w.c_pair();
        Tensor::wrap(|o| unsafe { sys::ct_lerp_scalar(o, self.as_ptr(), end.as_ptr(), wp, wd) })
    }
    /// With a weight tensor (`ct_lerp`).
    pub fn lerp_tensor(&self, end: &Tensor, weight: &Tensor) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_lerp(o, self.as_ptr(), end.as_ptr(), weight.as_ptr()) })
    }
    /// GELU (`ct_gelu`), `tanh` selecting the tanh approximation.
    pub fn gelu(&self, tanh: bool) -> Result<Tensor> {
        let a = if tanh { sys::CT_GELU_TANH } else { sys::CT_GELU_NONE };
        Tensor::wrap(|o| unsafe { sys::ct_gelu(o, self.as_ptr(), a) })
    }
    /// `ct_softplus`.
    pub fn softplus(&self, beta: f64, threshold: f64) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_softplus(o, self.as_ptr(), beta, threshold) })
    }
    /// Rounded to `decimals` digits (`ct_round`).
    pub fn round(&self, decimals: i64) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_round(o, self.as_ptr(), decimals) })
    }
    /// `ct_nan_to_num`; `None` keeps the library default.
    pub fn nan_to_num(&self, nan: Option<f64>, posinf: Option<f64>, neginf: Option<f64>) -> Result<Tensor> {
        let p = |x: &Option<f64>| x.as_ref().map_or(std::ptr::null(), |v| v as *const f64);
        Tensor::wrap(|o| unsafe { sys::ct_nan_to_num(o, self.as_ptr(), p(&nan), p(&posinf), p(&neginf)) })
    }

    // ---- views (include/ctensor/view.h)

    /// `ct_view`.
    pub fn view(&self, shape: &[i64]) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_view(o, self.as_ptr(), n32(shape.len()), shape.as_ptr()) })
    }
    /// `ct_reshape`.
    pub fn reshape(&self, shape: &[i64]) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_reshape(o, self.as_ptr(), n32(shape.len()), shape.as_ptr()) })
    }
    /// `ct_transpose`.
    pub fn transpose(&self, dim0: i64, dim1: i64) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_transpose(o, self.as_ptr(), dim0, dim1) })
    }
    /// `ct_t`: 2-d transpose.
    pub fn t(&self) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_t(o, self.as_ptr()) })
    }
    /// `ct_mT`: the last two dims swapped.
    pub fn mt(&self) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_mT(o, self.as_ptr()) })
    }
    /// `ct_permute`.
    pub fn permute(&self, dims: &[i64]) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_permute(o, self.as_ptr(), dims.as_ptr(), n32(dims.len())) })
    }
    /// `ct_squeeze`: all size-1 dims removed.
    pub fn squeeze(&self) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_squeeze(o, self.as_ptr()) })
    }
    /// `ct_squeeze_dim`.
    pub fn squeeze_dim(&self, dim: i64) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_squeeze_dim(o, self.as_ptr(), dim) })
    }
    /// `ct_squeeze_dims`.
    pub fn squeeze_dims(&self, dims: &[i64]) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_squeeze_dims(o, self.as_ptr(), dims.as_ptr(), n32(dims.len())) })
    }
    /// `ct_unsqueeze`.
    pub fn unsqueeze(&self, dim: i64) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_unsqueeze(o, self.as_ptr(), dim) })
    }
    /// `ct_expand`.
    pub fn expand(&self, shape: &[i64]) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_expand(o, self.as_ptr(), n32(shape.len()), shape.as_ptr()) })
    }
    /// `ct_broadcast_to`.
    pub fn broadcast_to(&self, shape: &[i64]) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_broadcast_to(o, self.as_ptr(), n32(shape.len()), shape.as_ptr()) })
    }
    /// `ct_flatten`.
    pub fn flatten(&self, start_dim: i64, end_dim: i64) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_flatten(o, self.as_ptr(), start_dim, end_dim) })
    }
    /// `ct_unflatten`.
    pub fn unflatten(&self, dim: i64, sizes: &[i64]) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_unflatten(o, self.as_ptr(), dim, sizes.as_ptr(), n32(sizes.len())) })
    }
    /// `ct_narrow`.
    pub fn narrow(&self, dim: i64, start: i64, length: i64) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_narrow(o, self.as_ptr(), dim, start, length) })
    }
    /// `ct_select`.
    pub fn select(&self, dim: i64, index: i64) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_select(o, self.as_ptr(), dim, index) })
    }
    /// `ct_slice`.
    pub fn slice(&self, dim: i64, start: i64, end: i64, step: i64) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_slice(o, self.as_ptr(), dim, start, end, step) })
    }
    /// `ct_diagonal`.
    pub fn diagonal(&self, offset: i64, dim1: i64, dim2: i64) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_diagonal(o, self.as_ptr(), offset, dim1, dim2) })
    }
    /// `ct_unfold`.
    pub fn unfold(&self, dimension: i64, size: i64, step: i64) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_unfold(o, self.as_ptr(), dimension, size, step) })
    }
    /// `ct_movedim`.
    pub fn movedim(&self, source: i64, destination: i64) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_movedim(o, self.as_ptr(), source, destination) })
    }
    /// `ct_as_strided`.
    pub fn as_strided(&self, shape: &[i64], strides: &[i64], storage_offset: i64) -> Result<Tensor> {
        if shape.len() != strides.len() {
            return Err(Error::new(ErrorKind::InvalidArgument, "shape and strides differ in length"));
        }
        Tensor::wrap(|o| unsafe {
            sys::ct_as_strided(o, self.as_ptr(), n32(shape.len()), shape.as_ptr(), strides.as_ptr(), storage_offset)
        })
    }
    /// `ct_real`.
    pub fn real(&self) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_real(o, self.as_ptr()) })
    }
    /// `ct_imag`.
    pub fn imag(&self) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_imag(o, self.as_ptr()) })
    }

    // ---- structure (include/ctensor/structure.h)

    /// `ct_cat`.
    pub fn cat(tensors: &[&Tensor], dim: i64) -> Result<Tensor> {
        let raw = raw_list(tensors);
        Tensor::wrap(|o| unsafe { sys::ct_cat(o, raw.as_ptr(), n32(raw.len()), dim) })
    }
    /// `ct_stack`.
    pub fn stack(tensors: &[&Tensor], dim: i64) -> Result<Tensor> {
        let raw = raw_list(tensors);
        Tensor::wrap(|o| unsafe { sys::ct_stack(o, raw.as_ptr(), n32(raw.len()), dim) })
    }
    fn dim_size(&self, dim: i64) -> usize {
        let mut n = 0i64;
        unsafe { sys::ct_tensor_size(&mut n, self.as_ptr(), dim as i32) };
        n.max(1) as usize
    }
    /// `ct_split`.
    pub fn split(&self, split_size: i64, dim: i64) -> Result<Vec<Tensor>> {
        let cap = self.dim_size(dim);
        wrap_many(cap, |p, c, n| unsafe { sys::ct_split(p, c, n, self.as_ptr(), split_size, dim) })
    }
    /// `ct_split_with_sizes`.
    pub fn split_with_sizes(&self, sizes: &[i64], dim: i64) -> Result<Vec<Tensor>> {
        wrap_many(sizes.len(), |p, c, n| unsafe {
            sys::ct_split_with_sizes(p, c, n, self.as_ptr(), sizes.as_ptr(), n32(sizes.len()), dim)
        })
    }
    /// `ct_chunk`.
    pub fn chunk(&self, chunks: i64, dim: i64) -> Result<Vec<Tensor>> {
        wrap_many(chunks.max(1) as usize, |p, c, n| unsafe { sys::ct_chunk(p, c, n, self.as_ptr(), chunks, dim) })
    }
    /// `ct_unbind`.
    pub fn unbind(&self, dim: i64) -> Result<Vec<Tensor>> {
        let cap = self.dim_size(dim);
        wrap_many(cap, |p, c, n| unsafe { sys::ct_unbind(p, c, n, self.as_ptr(), dim) })
    }
    /// `ct_flip`.
    pub fn flip(&self, dims: &[i64]) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_flip(o, self.as_ptr(), dims.as_ptr(), n32(dims.len())) })
    }
    /// `ct_roll`.
    pub fn roll(&self, shifts: &[i64], dims: &[i64]) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe {
            sys::ct_roll(o, self.as_ptr(), shifts.as_ptr(), n32(shifts.len()), dims.as_ptr(), n32(dims.len()))
        })
    }
    /// `ct_repeat`.
    pub fn repeat(&self, repeats: &[i64]) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_repeat(o, self.as_ptr(), repeats.as_ptr(), n32(repeats.len())) })
    }
    /// `ct_tile`.
    pub fn tile(&self, dims: &[i64]) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_tile(o, self.as_ptr(), dims.as_ptr(), n32(dims.len())) })
    }
    /// `ct_tril`.
    pub fn tril(&self, diagonal: i64) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_tril(o, self.as_ptr(), diagonal) })
    }
    /// `ct_triu`.
    pub fn triu(&self, diagonal: i64) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_triu(o, self.as_ptr(), diagonal) })
    }

    // ---- reductions (include/ctensor/reduce.h); dims None = all dims

    /// Sum of all elements (`ct_sum`).
    pub fn sum(&self, kind: Option<Kind>) -> Result<Tensor> {
        self.sum_dim(None, false, kind)
    }
    /// `ct_sum` over dims.
    pub fn sum_dim(&self, dims: Option<&[i64]>, keepdim: bool, kind: Option<Kind>) -> Result<Tensor> {
        let (d, n) = dims_arg(dims);
        Tensor::wrap(|o| unsafe { sys::ct_sum(o, self.as_ptr(), d, n, keepdim, ok_kind(kind)) })
    }
    /// Mean of all elements (`ct_mean`).
    pub fn mean(&self, kind: Option<Kind>) -> Result<Tensor> {
        self.mean_dim(None, false, kind)
    }
    /// `ct_mean` over dims.
    pub fn mean_dim(&self, dims: Option<&[i64]>, keepdim: bool, kind: Option<Kind>) -> Result<Tensor> {
        let (d, n) = dims_arg(dims);
        Tensor::wrap(|o| unsafe { sys::ct_mean(o, self.as_ptr(), d, n, keepdim, ok_kind(kind)) })
    }
    /// `ct_prod` over dims.
    pub fn prod_dim(&self, dims: Option<&[i64]>, keepdim: bool, kind: Option<Kind>) -> Result<Tensor> {
        let (d, n) = dims_arg(dims);
        Tensor::wrap(|o| unsafe { sys::ct_prod(o, self.as_ptr(), d, n, keepdim, ok_kind(kind)) })
    }
    /// `ct_logsumexp`.
    pub fn logsumexp(&self, dims: Option<&[i64]>, keepdim: bool) -> Result<Tensor> {
        let (d, n) = dims_arg(dims);
        Tensor::wrap(|o| unsafe { sys::ct_logsumexp(o, self.as_ptr(), d, n, keepdim) })
    }
    /// Largest element (`ct_max`).
    pub fn max(&self) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_max(o, self.as_ptr()) })
    }
    /// Smallest element (`ct_min`).
    pub fn min(&self) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_min(o, self.as_ptr()) })
    }
    /// (values, indices) along a dim (`ct_max_dim`).
    pub fn max_dim(&self, dim: i64, keepdim: bool) -> Result<(Tensor, Tensor)> {
        wrap2(|a, b| unsafe { sys::ct_max_dim(a, b, self.as_ptr(), dim, keepdim) })
    }
    /// (values, indices) along a dim (`ct_min_dim`).
    pub fn min_dim(&self, dim: i64, keepdim: bool) -> Result<(Tensor, Tensor)> {
        wrap2(|a, b| unsafe { sys::ct_min_dim(a, b, self.as_ptr(), dim, keepdim) })
    }
    /// `ct_amax`.
    pub fn amax(&self, dims: Option<&[i64]>, keepdim: bool) -> Result<Tensor> {
        let (d, n) = dims_arg(dims);
        Tensor::wrap(|o| unsafe { sys::ct_amax(o, self.as_ptr(), d, n, keepdim) })
    }
    /// `ct_amin`.
    pub fn amin(&self, dims: Option<&[i64]>, keepdim: bool) -> Result<Tensor> {
        let (d, n) = dims_arg(dims);
        Tensor::wrap(|o| unsafe { sys::ct_amin(o, self.as_ptr(), d, n, keepdim) })
    }
    /// `ct_argmax`; dim None = over the flattened tensor.
    pub fn argmax(&self, dim: Option<i64>, keepdim: bool) -> Result<Tensor> {
        let p = dim.as_ref().map_or(std::ptr::null(), |d| d as *const i64);
        Tensor::wrap(|o| unsafe { sys::ct_argmax(o, self.as_ptr(), p, keepdim) })
    }
    /// `ct_argmin`.
    pub fn argmin(&self, dim: Option<i64>, keepdim: bool) -> Result<Tensor> {
        let p = dim.as_ref().map_or(std::ptr::null(), |d| d as *const i64);
        Tensor::wrap(|o| unsafe { sys::ct_argmin(o, self.as_ptr(), p, keepdim) })
    }
    /// `ct_var` (correction 1 is Bessel's).
    pub fn var(&self, dims: Option<&[i64]>, correction: f64, keepdim: bool) -> Result<Tensor> {
        let (d, n) = dims_arg(dims);
        Tensor::wrap(|o| unsafe { sys::ct_var(o, self.as_ptr(), d, n, correction, keepdim) })
    }
    /// `ct_std`.
    pub fn std(&self, dims: Option<&[i64]>, correction: f64, keepdim: bool) -> Result<Tensor> {
        let (d, n) = dims_arg(dims);
        Tensor::wrap(|o| unsafe { sys::ct_std(o, self.as_ptr(), d, n, correction, keepdim) })
    }
    /// (var, mean) (`ct_var_mean`).
    pub fn var_mean(&self, dims: Option<&[i64]>, correction: f64, keepdim: bool) -> Result<(Tensor, Tensor)> {
        let (d, n) = dims_arg(dims);
        wrap2(|a, b| unsafe { sys::ct_var_mean(a, b, self.as_ptr(), d, n, correction, keepdim) })
    }
    /// (std, mean) (`ct_std_mean`).
    pub fn std_mean(&self, dims: Option<&[i64]>, correction: f64, keepdim: bool) -> Result<(Tensor, Tensor)> {
        let (d, n) = dims_arg(dims);
        wrap2(|a, b| unsafe { sys::ct_std_mean(a, b, self.as_ptr(), d, n, correction, keepdim) })
    }
    /// p-norm (`ct_norm`).
    pub fn norm(&self, p: f64, dims: Option<&[i64]>, keepdim: bool) -> Result<Tensor> {
        let (d, n) = dims_arg(dims);
        Tensor::wrap(|o| unsafe { sys::ct_norm(o, self.as_ptr(), p, d, n, keepdim, sys::CT_DTYPE_NONE) })
    }
    /// Frobenius norm (`ct_norm_fro`).
    pub fn norm_fro(&self, dims: Option<&[i64]>, keepdim: bool) -> Result<Tensor> {
        let (d, n) = dims_arg(dims);
        Tensor::wrap(|o| unsafe { sys::ct_norm_fro(o, self.as_ptr(), d, n, keepdim) })
    }
    /// `ct_all`.
    pub fn all(&self, dims: Option<&[i64]>, keepdim: bool) -> Result<Tensor> {
        let (d, n) = dims_arg(dims);
        Tensor::wrap(|o| unsafe { sys::ct_all(o, self.as_ptr(), d, n, keepdim) })
    }
    /// `ct_any`.
    pub fn any(&self, dims: Option<&[i64]>, keepdim: bool) -> Result<Tensor> {
        let (d, n) = dims_arg(dims);
        Tensor::wrap(|o| unsafe { sys::ct_any(o, self.as_ptr(), d, n, keepdim) })
    }
    /// `ct_count_nonzero`.
    pub fn count_nonzero(&self, dims: Option<&[i64]>) -> Result<Tensor> {
        let (d, n) = dims_arg(dims);
        Tensor::wrap(|o| unsafe { sys::ct_count_nonzero(o, self.as_ptr(), d, n) })
    }
    /// `ct_cumsum`.
    pub fn cumsum(&self, dim: i64, kind: Option<Kind>) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_cumsum(o, self.as_ptr(), dim, ok_kind(kind)) })
    }
    /// `ct_cumprod`.
    pub fn cumprod(&self, dim: i64, kind: Option<Kind>) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_cumprod(o, self.as_ptr(), dim, ok_kind(kind)) })
    }
    /// `ct_softmax`.
    pub fn softmax(&self, dim: i64, kind: Option<Kind>) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_softmax(o, self.as_ptr(), dim, ok_kind(kind)) })
    }
    /// `ct_log_softmax`.
    pub fn log_softmax(&self, dim: i64, kind: Option<Kind>) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_log_softmax(o, self.as_ptr(), dim, ok_kind(kind)) })
    }
    /// (values, indices) (`ct_sort`).
    pub fn sort(&self, dim: i64, descending: bool) -> Result<(Tensor, Tensor)> {
        wrap2(|a, b| unsafe { sys::ct_sort(a, b, self.as_ptr(), dim, descending, true) })
    }
    /// `ct_argsort`.
    pub fn argsort(&self, dim: i64, descending: bool) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_argsort(o, self.as_ptr(), dim, descending, true) })
    }
    /// (values, indices) (`ct_topk`).
    pub fn topk(&self, k: i64, dim: i64, largest: bool, sorted: bool) -> Result<(Tensor, Tensor)> {
        wrap2(|a, b| unsafe { sys::ct_topk(a, b, self.as_ptr(), k, dim, largest, sorted) })
    }
    /// The sorted unique values (`ct_unique`).
    pub fn unique(&self) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe {
            sys::ct_unique(o, std::ptr::null_mut(), std::ptr::null_mut(), self.as_ptr(), true)
        })
    }

    // ---- linear algebra (include/ctensor/linalg.h)

    /// `ct_matmul`.
    pub fn matmul(&self, other: &Tensor) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_matmul(o, self.as_ptr(), other.as_ptr()) })
    }
    /// `ct_mm`.
    pub fn mm(&self, other: &Tensor) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_mm(o, self.as_ptr(), other.as_ptr()) })
    }
    /// `ct_bmm`.
    pub fn bmm(&self, other: &Tensor) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_bmm(o, self.as_ptr(), other.as_ptr()) })
    }
    /// `ct_dot`.
    pub fn dot(&self, other: &Tensor) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_dot(o, self.as_ptr(), other.as_ptr()) })
    }
    /// `ct_outer`.
    pub fn outer(&self, other: &Tensor) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_outer(o, self.as_ptr(), other.as_ptr()) })
    }
    /// beta * self + alpha * (a @ b) (`ct_addmm`).
    pub fn addmm(&self, a: &Tensor, b: &Tensor, beta: impl Into<Scalar>, alpha: impl Into<Scalar>) -> Result<Tensor> {
        let (be, al) = (beta.into(), alpha.into());
        let ((bp, bd), (ap, ad)) = (be.c_pair(), al.c_pair());
        Tensor::wrap(|o| unsafe { sys::ct_addmm(o, self.as_ptr(), a.as_ptr(), b.as_ptr(), bp, bd, ap, ad) })
    }
    /// `ct_einsum`.
    pub fn einsum(equation: &str, operands: &[&Tensor]) -> Result<Tensor> {
        let eq = std::ffi::CString::new(equation)
            .map_err(|_| Error::new(ErrorKind::InvalidArgument, "NUL in equation"))?;
        let raw = raw_list(operands);
        Tensor::wrap(|o| unsafe { sys::ct_einsum(o, eq.as_ptr(), raw.as_ptr(), n32(raw.len())) })
    }

    // ---- index functions (include/ctensor/index.h)

    /// `ct_index_select`.
    pub fn index_select(&self, dim: i64, index: &Tensor) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_index_select(o, self.as_ptr(), dim, index.as_ptr()) })
    }
    /// `ct_gather`.
    pub fn gather(&self, dim: i64, index: &Tensor) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_gather(o, self.as_ptr(), dim, index.as_ptr()) })
    }
    /// `ct_scatter` (element replaced).
    pub fn scatter(&self, dim: i64, index: &Tensor, src: &Tensor) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe {
            sys::ct_scatter(o, self.as_ptr(), dim, index.as_ptr(), src.as_ptr(), sys::CT_SCATTER_REDUCE_NONE)
        })
    }
    /// `ct_scatter_add`.
    pub fn scatter_add(&self, dim: i64, index: &Tensor, src: &Tensor) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_scatter_add(o, self.as_ptr(), dim, index.as_ptr(), src.as_ptr()) })
    }
    /// `ct_masked_fill`.
    pub fn masked_fill(&self, mask: &Tensor, value: impl Into<Scalar>) -> Result<Tensor> {
        let v = value.into();
        let (vp, vd) = v.c_pair();
        Tensor::wrap(|o| unsafe { sys::ct_masked_fill(o, self.as_ptr(), mask.as_ptr(), vp, vd) })
    }
    /// In place (`ct_masked_fill_`).
    pub fn masked_fill_(&mut self, mask: &Tensor, value: impl Into<Scalar>) -> Result<()> {
        let v = value.into();
        let (vp, vd) = v.c_pair();
        check(unsafe { sys::ct_masked_fill_(self.as_ptr(), mask.as_ptr(), vp, vd) })
    }
    /// `ct_masked_select`.
    pub fn masked_select(&self, mask: &Tensor) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_masked_select(o, self.as_ptr(), mask.as_ptr()) })
    }
    /// `ct_nonzero`.
    pub fn nonzero(&self) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_nonzero(o, self.as_ptr()) })
    }
    /// `ct_take`.
    pub fn take(&self, index: &Tensor) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_take(o, self.as_ptr(), index.as_ptr()) })
    }
}

// ---- the _out, in-place and remaining forms of the operators above

impl Tensor {
    // views (include/ctensor/view.h)

    /// `ct_movedims`: dims `source[i]` moved to `destination[i]`.
    pub fn movedims(&self, source: &[i64], destination: &[i64]) -> Result<Tensor> {
        if source.len() != destination.len() {
            return Err(Error::new(ErrorKind::InvalidArgument, "source and destination differ in length"));
        }
        Tensor::wrap(|o| unsafe {
            sys::ct_movedims(o, self.as_ptr(), source.as_ptr(), destination.as_ptr(), n32(source.len()))
        })
    }
    /// `ct_view_as_real`: a complex tensor viewed as a real one with a last dim of 2.
    pub fn view_as_real(&self) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_view_as_real(o, self.as_ptr()) })
    }
    /// `ct_view_as_complex`: a real tensor with a last dim of 2 viewed as a complex one.
    pub fn view_as_complex(&self) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_view_as_complex(o, self.as_ptr()) })
    }

    // structure (include/ctensor/structure.h)

    /// Into `out`: `ct_cat_out`.
    pub fn cat_out(out: &mut Tensor, tensors: &[&Tensor], dim: i64) -> Result<()> {
        let raw = raw_list(tensors);
        check(unsafe { sys::ct_cat_out(out.as_ptr(), raw.as_ptr(), n32(raw.len()), dim) })
    }
    /// Into `out`: `ct_stack_out`.
    pub fn stack_out(out: &mut Tensor, tensors: &[&Tensor], dim: i64) -> Result<()> {
        let raw = raw_list(tensors);
        check(unsafe { sys::ct_stack_out(out.as_ptr(), raw.as_ptr(), n32(raw.len()), dim) })
    }
    /// In place: `ct_tril_`.
    pub fn tril_(&mut self, diagonal: i64) -> Result<()> {
        check(unsafe { sys::ct_tril_(self.as_ptr(), diagonal) })
    }
    /// Into `out`: `ct_tril_out`.
    pub fn tril_out(&self, out: &mut Tensor, diagonal: i64) -> Result<()> {
        check(unsafe { sys::ct_tril_out(out.as_ptr(), self.as_ptr(), diagonal) })
    }
    /// In place: `ct_triu_`.
    pub fn triu_(&mut self, diagonal: i64) -> Result<()> {
        check(unsafe { sys::ct_triu_(self.as_ptr(), diagonal) })
    }
    /// Into `out`: `ct_triu_out`.
    pub fn triu_out(&self, out: &mut Tensor, diagonal: i64) -> Result<()> {
        check(unsafe { sys::ct_triu_out(out.as_ptr(), self.as_ptr(), diagonal) })
    }

    // reductions (include/ctensor/reduce.h); dims None = all dims

    /// Into `out`: `ct_sum_out`.
    pub fn sum_out(&self, out: &mut Tensor, dims: Option<&[i64]>, keepdim: bool, kind: Option<Kind>) -> Result<()> {
        let (d, n) = dims_arg(dims);
        check(unsafe { sys::ct_sum_out(out.as_ptr(), self.as_ptr(), d, n, keepdim, ok_kind(kind)) })
    }
    /// Into `out`: `ct_prod_out`.
    pub fn prod_out(&self, out: &mut Tensor, dims: Option<&[i64]>, keepdim: bool, kind: Option<Kind>) -> Result<()> {
        let (d, n) = dims_arg(dims);
        check(unsafe { sys::ct_prod_out(out.as_ptr(), self.as_ptr(), d, n, keepdim, ok_kind(kind)) })
    }
    /// Into `out`: `ct_mean_out`.
    pub fn mean_out(&self, out: &mut Tensor, dims: Option<&[i64]>, keepdim: bool, kind: Option<Kind>) -> Result<()> {
        let (d, n) = dims_arg(dims);
        check(unsafe { sys::ct_mean_out(out.as_ptr(), self.as_ptr(), d, n, keepdim, ok_kind(kind)) })
    }
    /// Into `out`: `ct_logsumexp_out`.
    pub fn logsumexp_out(&self, out: &mut Tensor, dims: Option<&[i64]>, keepdim: bool) -> Result<()> {
        let (d, n) = dims_arg(dims);
        check(unsafe { sys::ct_logsumexp_out(out.as_ptr(), self.as_ptr(), d, n, keepdim) })
    }
    /// Into `values` and `indices`: `ct_max_dim_out`.
    pub fn max_dim_out(&self, values: &mut Tensor, indices: &mut Tensor, dim: i64, keepdim: bool) -> Result<()> {
        check(unsafe { sys::ct_max_dim_out(values.as_ptr(), indices.as_ptr(), self.as_ptr(), dim, keepdim) })
    }
    /// Into `values` and `indices`: `ct_min_dim_out`.
    pub fn min_dim_out(&self, values: &mut Tensor, indices: &mut Tensor, dim: i64, keepdim: bool) -> Result<()> {
        check(unsafe { sys::ct_min_dim_out(values.as_ptr(), indices.as_ptr(), self.as_ptr(), dim, keepdim) })
    }
    /// Into `out`: `ct_amax_out`.
    pub fn amax_out(&self, out: &mut Tensor, dims: Option<&[i64]>, keepdim: bool) -> Result<()> {
        let (d, n) = dims_arg(dims);
        check(unsafe { sys::ct_amax_out(out.as_ptr(), self.as_ptr(), d, n, keepdim) })
    }
    /// Into `out`: `ct_amin_out`.
    pub fn amin_out(&self, out: &mut Tensor, dims: Option<&[i64]>, keepdim: bool) -> Result<()> {
        let (d, n) = dims_arg(dims);
        check(unsafe { sys::ct_amin_out(out.as_ptr(), self.as_ptr(), d, n, keepdim) })
    }
    /// Into `out`: `ct_argmax_out`; dim None = over the flattened tensor.
    pub fn argmax_out(&self, out: &mut Tensor, dim: Option<i64>, keepdim: bool) -> Result<()> {
        let p = dim.as_ref().map_or(std::ptr::null(), |d| d as *const i64);
        check(unsafe { sys::ct_argmax_out(out.as_ptr(), self.as_ptr(), p, keepdim) })
    }
    /// Into `out`: `ct_argmin_out`.
    pub fn argmin_out(&self, out: &mut Tensor, dim: Option<i64>, keepdim: bool) -> Result<()> {
        let p = dim.as_ref().map_or(std::ptr::null(), |d| d as *const i64);
        check(unsafe { sys::ct_argmin_out(out.as_ptr(), self.as_ptr(), p, keepdim) })
    }
    /// Into `out`: `ct_var_out`.
    pub fn var_out(&self, out: &mut Tensor, dims: Option<&[i64]>, correction: f64, keepdim: bool) -> Result<()> {
        let (d, n) = dims_arg(dims);
        check(unsafe { sys::ct_var_out(out.as_ptr(), self.as_ptr(), d, n, correction, keepdim) })
    }
    /// Into `out`: `ct_std_out`.
    pub fn std_out(&self, out: &mut Tensor, dims: Option<&[i64]>, correction: f64, keepdim: bool) -> Result<()> {
        let (d, n) = dims_arg(dims);
        check(unsafe { sys::ct_std_out(out.as_ptr(), self.as_ptr(), d, n, correction, keepdim) })
    }
    /// Into `out`: `ct_norm_out`.
    pub fn norm_out(&self, out: &mut Tensor, p: f64, dims: Option<&[i64]>, keepdim: bool) -> Result<()> {
        let (d, n) = dims_arg(dims);
        check(unsafe { sys::ct_norm_out(out.as_ptr(), self.as_ptr(), p, d, n, keepdim, sys::CT_DTYPE_NONE) })
    }
    /// Into `out`: `ct_all_out`.
    pub fn all_out(&self, out: &mut Tensor, dims: Option<&[i64]>, keepdim: bool) -> Result<()> {
        let (d, n) = dims_arg(dims);
        check(unsafe { sys::ct_all_out(out.as_ptr(), self.as_ptr(), d, n, keepdim) })
    }
    /// Into `out`: `ct_any_out`.
    pub fn any_out(&self, out: &mut Tensor, dims: Option<&[i64]>, keepdim: bool) -> Result<()> {
        let (d, n) = dims_arg(dims);
        check(unsafe { sys::ct_any_out(out.as_ptr(), self.as_ptr(), d, n, keepdim) })
    }
    /// Into `out`: `ct_cumsum_out`.
    pub fn cumsum_out(&self, out: &mut Tensor, dim: i64, kind: Option<Kind>) -> Result<()> {
        check(unsafe { sys::ct_cumsum_out(out.as_ptr(), self.as_ptr(), dim, ok_kind(kind)) })
    }
    /// In place: `ct_cumsum_`.
    pub fn cumsum_(&mut self, dim: i64) -> Result<()> {
        check(unsafe { sys::ct_cumsum_(self.as_ptr(), dim) })
    }
    /// Into `out`: `ct_cumprod_out`.
    pub fn cumprod_out(&self, out: &mut Tensor, dim: i64, kind: Option<Kind>) -> Result<()> {
        check(unsafe { sys::ct_cumprod_out(out.as_ptr(), self.as_ptr(), dim, ok_kind(kind)) })
    }
    /// In place: `ct_cumprod_`.
    pub fn cumprod_(&mut self, dim: i64) -> Result<()> {
        check(unsafe { sys::ct_cumprod_(self.as_ptr(), dim) })
    }
    /// Into `out`: `ct_softmax_out`.
    pub fn softmax_out(&self, out: &mut Tensor, dim: i64, kind: Option<Kind>) -> Result<()> {
        check(unsafe { sys::ct_softmax_out(out.as_ptr(), self.as_ptr(), dim, ok_kind(kind)) })
    }
    /// Into `out`: `ct_log_softmax_out`.
    pub fn log_softmax_out(&self, out: &mut Tensor, dim: i64, kind: Option<Kind>) -> Result<()> {
        check(unsafe { sys::ct_log_softmax_out(out.as_ptr(), self.as_ptr(), dim, ok_kind(kind)) })
    }

    // linear algebra (include/ctensor/linalg.h)

    /// Into `out`: `ct_matmul_out`.
    pub fn matmul_out(&self, other: &Tensor, out: &mut Tensor) -> Result<()> {
        check(unsafe { sys::ct_matmul_out(out.as_ptr(), self.as_ptr(), other.as_ptr()) })
    }
    /// Into `out`: `ct_mm_out`.
    pub fn mm_out(&self, other: &Tensor, out: &mut Tensor) -> Result<()> {
        check(unsafe { sys::ct_mm_out(out.as_ptr(), self.as_ptr(), other.as_ptr()) })
    }
    /// Into `out`: `ct_bmm_out`.
    pub fn bmm_out(&self, other: &Tensor, out: &mut Tensor) -> Result<()> {
        check(unsafe { sys::ct_bmm_out(out.as_ptr(), self.as_ptr(), other.as_ptr()) })
    }
    /// Matrix @ vector: `ct_mv`.
    pub fn mv(&self, vec: &Tensor) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_mv(o, self.as_ptr(), vec.as_ptr()) })
    }
    /// Into `out`: `ct_mv_out`.
    pub fn mv_out(&self, vec: &Tensor, out: &mut Tensor) -> Result<()> {
        check(unsafe { sys::ct_mv_out(out.as_ptr(), self.as_ptr(), vec.as_ptr()) })
    }
    /// Into `out`: `ct_dot_out`.
    pub fn dot_out(&self, other: &Tensor, out: &mut Tensor) -> Result<()> {
        check(unsafe { sys::ct_dot_out(out.as_ptr(), self.as_ptr(), other.as_ptr()) })
    }
    /// Into `out`: `ct_outer_out`.
    pub fn outer_out(&self, other: &Tensor, out: &mut Tensor) -> Result<()> {
        check(unsafe { sys::ct_outer_out(out.as_ptr(), self.as_ptr(), other.as_ptr()) })
    }
    /// Into `out`: beta * self + alpha * (a @ b) (`ct_addmm_out`).
    pub fn addmm_out(&self, out: &mut Tensor, a: &Tensor, b: &Tensor, beta: impl Into<Scalar>,
                     alpha: impl Into<Scalar>) -> Result<()> {
        let (be, al) = (beta.into(), alpha.into());
        let ((bp, bd), (ap, ad)) = (be.c_pair(), al.c_pair());
        check(unsafe { sys::ct_addmm_out(out.as_ptr(), self.as_ptr(), a.as_ptr(), b.as_ptr(), bp, bd, ap, ad) })
    }
    /// In place: self = beta * self + alpha * (a @ b) (`ct_addmm_`).
    pub fn addmm_(&mut self, a: &Tensor, b: &Tensor, beta: impl Into<Scalar>, alpha: impl Into<Scalar>) -> Result<()> {
        let (be, al) = (beta.into(), alpha.into());
        let ((bp, bd), (ap, ad)) = (be.c_pair(), al.c_pair());
        check(unsafe { sys::ct_addmm_(self.as_ptr(), a.as_ptr(), b.as_ptr(), bp, bd, ap, ad) })
    }
    /// beta * self + alpha * (a @ b), batched (`ct_baddbmm`).
    pub fn baddbmm(&self, a: &Tensor, b: &Tensor, beta: impl Into<Scalar>, alpha: impl Into<Scalar>) -> Result<Tensor> {
        let (be, al) = (beta.into(), alpha.into());
        let ((bp, bd), (ap, ad)) = (be.c_pair(), al.c_pair());
        Tensor::wrap(|o| unsafe { sys::ct_baddbmm(o, self.as_ptr(), a.as_ptr(), b.as_ptr(), bp, bd, ap, ad) })
    }
    /// Into `out`: `ct_baddbmm_out`.
    pub fn baddbmm_out(&self, out: &mut Tensor, a: &Tensor, b: &Tensor, beta: impl Into<Scalar>,
                       alpha: impl Into<Scalar>) -> Result<()> {
        let (be, al) = (beta.into(), alpha.into());
        let ((bp, bd), (ap, ad)) = (be.c_pair(), al.c_pair());
        check(unsafe { sys::ct_baddbmm_out(out.as_ptr(), self.as_ptr(), a.as_ptr(), b.as_ptr(), bp, bd, ap, ad) })
    }
    /// In place: `ct_baddbmm_`.
    pub fn baddbmm_(&mut self, a: &Tensor, b: &Tensor, beta: impl Into<Scalar>, alpha: impl Into<Scalar>) -> Result<()> {
        let (be, al) = (beta.into(), alpha.into());
        let ((bp, bd), (ap, ad)) = (be.c_pair(), al.c_pair());
        check(unsafe { sys::ct_baddbmm_(self.as_ptr(), a.as_ptr(), b.as_ptr(), bp, bd, ap, ad) })
    }

    // index functions (include/ctensor/index.h)

    /// Into `out`: `ct_index_select_out`.
    pub fn index_select_out(&self, out: &mut Tensor, dim: i64, index: &Tensor) -> Result<()> {
        check(unsafe { sys::ct_index_select_out(out.as_ptr(), self.as_ptr(), dim, index.as_ptr()) })
    }
    /// Into `out`: `ct_gather_out`.
    pub fn gather_out(&self, out: &mut Tensor, dim: i64, index: &Tensor) -> Result<()> {
        check(unsafe { sys::ct_gather_out(out.as_ptr(), self.as_ptr(), dim, index.as_ptr()) })
    }
    /// In place, element replaced: `ct_scatter_`.
    pub fn scatter_(&mut self, dim: i64, index: &Tensor, src: &Tensor) -> Result<()> {
        check(unsafe {
            sys::ct_scatter_(self.as_ptr(), dim, index.as_ptr(), src.as_ptr(), sys::CT_SCATTER_REDUCE_NONE)
        })
    }
    /// A copy with `value` scattered at `index` (`ct_scatter_value`).
    pub fn scatter_value(&self, dim: i64, index: &Tensor, value: impl Into<Scalar>) -> Result<Tensor> {
        let v = value.into();
        let (vp, vd) = v.c_pair();
        Tensor::wrap(|o| unsafe {
            sys::ct_scatter_value(o, self.as_ptr(), dim, index.as_ptr(), vp, vd, sys::CT_SCATTER_REDUCE_NONE)
        })
    }
    /// In place: `ct_scatter_value_`.
    pub fn scatter_value_(&mut self, dim: i64, index: &Tensor, value: impl Into<Scalar>) -> Result<()> {
        let v = value.into();
        let (vp, vd) = v.c_pair();
        check(unsafe {
            sys::ct_scatter_value_(self.as_ptr(), dim, index.as_ptr(), vp, vd, sys::CT_SCATTER_REDUCE_NONE)
        })
    }
    /// In place: `ct_scatter_add_`.
    pub fn scatter_add_(&mut self, dim: i64, index: &Tensor, src: &Tensor) -> Result<()> {
        check(unsafe { sys::ct_scatter_add_(self.as_ptr(), dim, index.as_ptr(), src.as_ptr()) })
    }
    /// With a 0-d value tensor: `ct_masked_fill_tensor`.
    pub fn masked_fill_tensor(&self, mask: &Tensor, value: &Tensor) -> Result<Tensor> {
        Tensor::wrap(|o| unsafe { sys::ct_masked_fill_tensor(o, self.as_ptr(), mask.as_ptr(), value.as_ptr()) })
    }
    /// In place: `ct_masked_fill_tensor_`.
    pub fn masked_fill_tensor_(&mut self, mask: &Tensor, value: &Tensor) -> Result<()> {
        check(unsafe { sys::ct_masked_fill_tensor_(self.as_ptr(), mask.as_ptr(), value.as_ptr()) })
    }
}

// ---- indexing: t.i((0, 1..3, ..)) through ct_index

/// One item of an index, as Python's `t[...]` items.
#[derive(Debug, Clone)]
pub enum TensorIndexer {
    /// An integer: removes its dim.
    Select(i64),
    /// start, stop, step (step > 0): keeps the dim.
    Narrow(i64, i64, i64),
    /// `None`: inserts a size-1 dim.
    InsertNewAxis,
    /// `...`
    Ellipsis,
    /// An index tensor (advanced indexing).
    IndexSelect(Tensor),
}

impl From<i64> for TensorIndexer {
    fn from(i: i64) -> Self {
        TensorIndexer::Select(i)
    }
}
impl From<&Tensor> for TensorIndexer {
    fn from(t: &Tensor) -> Self {
        TensorIndexer::IndexSelect(t.clone())
    }
}

fn range_indexer<R: RangeBounds<i64>>(r: R) -> TensorIndexer {
    let start = match r.start_bound() {
        Bound::Included(&s) => s,
        Bound::Excluded(&s) => s + 1,
        Bound::Unbounded => 0,
    };
    let stop = match r.end_bound() {
        Bound::Included(&-1) => i64::MAX,
        Bound::Included(&e) => e + 1,
        Bound::Excluded(&e) => e,
        Bound::Unbounded => i64::MAX,
    };
    TensorIndexer::Narrow(start, stop, 1)
}

macro_rules! range_from {
    ($($r:ty),*) => {
        $(impl From<$r> for TensorIndexer { fn from(r: $r) -> Self { range_indexer(r) } })*
    };
}
range_from!(std::ops::Range<i64>, std::ops::RangeFrom<i64>, std::ops::RangeTo<i64>,
            std::ops::RangeInclusive<i64>, std::ops::RangeToInclusive<i64>, std::ops::RangeFull);

/// `t.i(...)`: indexing with an item or a tuple of items (ints, ranges, `..`, tensors, or
/// [`TensorIndexer`] values), through `ct_index`. Without index tensors the result is a view.
pub trait IndexOp<T> {
    fn i(&self, index: T) -> Result<Tensor>;
}

impl Tensor {
    /// `ct_index` with a list of items.
    pub fn index(&self, items: &[TensorIndexer]) -> Result<Tensor> {
        let a = IndexArgs::new(items);
        Tensor::wrap(|o| unsafe {
            sys::ct_index(o, self.as_ptr(), a.n, a.kinds.as_ptr(), a.values.as_ptr(), a.tensors.as_ptr())
        })
    }
    /// `ct_index_put`: a copy of self with `self[items] = value` (or `+=` when `accumulate`).
    pub fn index_put(&self, items: &[TensorIndexer], value: &Tensor, accumulate: bool) -> Result<Tensor> {
        let a = IndexArgs::new(items);
        Tensor::wrap(|o| unsafe {
            sys::ct_index_put(o, self.as_ptr(), a.n, a.kinds.as_ptr(), a.values.as_ptr(), a.tensors.as_ptr(),
                value.as_ptr(), accumulate)
        })
    }
    /// In place: `self[items] = value` (or `+=` when `accumulate`) (`ct_index_put_`).
    pub fn index_put_(&mut self, items: &[TensorIndexer], value: &Tensor, accumulate: bool) -> Result<()> {
        let a = IndexArgs::new(items);
        check(unsafe {
            sys::ct_index_put_(self.as_ptr(), a.n, a.kinds.as_ptr(), a.values.as_ptr(), a.tensors.as_ptr(),
                value.as_ptr(), accumulate)
        })
    }
}

/// The C arrays of an index (`ct_index`, `ct_index_put`); the tensor pointers borrow `items`.
struct IndexArgs {
    n: i32,
    kinds: Vec<i32>,
    values: Vec<i64>,
    tensors: Vec<*mut sys::ct_tensor>,
}

impl IndexArgs {
    fn new(items: &[TensorIndexer]) -> IndexArgs {
        let n = items.len();
        let mut kinds = Vec::with_capacity(n);
        let mut values = vec![0i64; 3 * n];
        let mut tensors: Vec<*mut sys::ct_tensor> = vec![std::ptr::null_mut(); n];
        for (k, it) in items.iter().enumerate() {
            kinds.push(match it {
                TensorIndexer::Select(i) => {
                    values[3 * k] = *i;
                    sys::CT_INDEX_INT
                }
                TensorIndexer::Narrow(a, b, c) => {
                    values[3 * k] = *a;
                    values[3 * k + 1] = *b;
                    values[3 * k + 2] = *c;
                    sys::CT_INDEX_SLICE
                }
                TensorIndexer::InsertNewAxis => sys::CT_INDEX_NONE,
                TensorIndexer::Ellipsis => sys::CT_INDEX_ELLIPSIS,
                TensorIndexer::IndexSelect(t) => {
                    tensors[k] = t.as_ptr();
                    sys::CT_INDEX_TENSOR
                }
            });
        }
        IndexArgs { n: n32(n), kinds, values, tensors }
    }
}

impl<A: Into<TensorIndexer>> IndexOp<A> for Tensor {
    fn i(&self, index: A) -> Result<Tensor> {
        self.index(&[index.into()])
    }
}

macro_rules! index_tuple {
    ($($t:ident),*) => {
        #[allow(non_snake_case)]
        impl<$($t: Into<TensorIndexer>),*> IndexOp<($($t,)*)> for Tensor {
            fn i(&self, index: ($($t,)*)) -> Result<Tensor> {
                let ($($t,)*) = index;
                self.index(&[$($t.into()),*])
            }
        }
    };
}
index_tuple!(A);
index_tuple!(A, B);
index_tuple!(A, B, C);
index_tuple!(A, B, C, D);
index_tuple!(A, B, C, D, E);

// ---- std::ops: these panic on error (use the methods for a Result)

macro_rules! std_binop {
    ($tr:ident, $f:ident, $m:ident, $ms:ident) => {
        impl std::ops::$tr<&Tensor> for &Tensor {
            type Output = Tensor;
            /// Panics when the library fails (shapes that do not broadcast, ...).
            fn $f(self, rhs: &Tensor) -> Tensor {
                Tensor::$m(self, rhs).unwrap_or_else(|e| panic!("{}", e))
            }
        }
        impl std::ops::$tr<Tensor> for Tensor {
            type Output = Tensor;
            fn $f(self, rhs: Tensor) -> Tensor {
                std::ops::$tr::$f(&self, &rhs)
            }
        }
        impl std::ops::$tr<&Tensor> for Tensor {
            type Output = Tensor;
            fn $f(self, rhs: &Tensor) -> Tensor {
                std::ops::$tr::$f(&self, rhs)
            }
        }
        impl std::ops::$tr<Tensor> for &Tensor {
            type Output = Tensor;
            fn $f(self, rhs: Tensor) -> Tensor {
                std::ops::$tr::$f(self, &rhs)
            }
        }
        std_binop!(@scalar $tr, $f, $ms, f64);
        std_binop!(@scalar $tr, $f, $ms, i64);
    };
    (@scalar $tr:ident, $f:ident, $ms:ident, $s:ty) => {
        impl std::ops::$tr<$s> for &Tensor {
            type Output = Tensor;
            fn $f(self, rhs: $s) -> Tensor {
                Tensor::$ms(self, rhs).unwrap_or_else(|e| panic!("{}", e))
            }
        }
        impl std::ops::$tr<$s> for Tensor {
            type Output = Tensor;
            fn $f(self, rhs: $s) -> Tensor {
                std::ops::$tr::$f(&self, rhs)
            }
        }
    };
}
std_binop!(Add, add, add, add_scalar);
std_binop!(Sub, sub, sub, sub_scalar);
std_binop!(Mul, mul, mul, mul_scalar);
std_binop!(Div, div, div, div_scalar);

impl std::ops::Neg for &Tensor {
    type Output = Tensor;
    /// Panics when the library fails (bool tensors).
    fn neg(self) -> Tensor {
        Tensor::neg(self).unwrap_or_else(|e| panic!("{}", e))
    }
}
impl std::ops::Neg for Tensor {
    type Output = Tensor;
    fn neg(self) -> Tensor {
        -&self
    }
}

macro_rules! std_assign {
    ($tr:ident, $f:ident, $m:ident, $ms:ident) => {
        impl std::ops::$tr<&Tensor> for Tensor {
            /// In place; panics when the library fails.
            fn $f(&mut self, rhs: &Tensor) {
                Tensor::$m(self, rhs).unwrap_or_else(|e| panic!("{}", e))
            }
        }
        impl std::ops::$tr<f64> for Tensor {
            fn $f(&mut self, rhs: f64) {
                Tensor::$ms(self, rhs).unwrap_or_else(|e| panic!("{}", e))
            }
        }
        impl std::ops::$tr<i64> for Tensor {
            fn $f(&mut self, rhs: i64) {
                Tensor::$ms(self, rhs).unwrap_or_else(|e| panic!("{}", e))
            }
        }
    };
}
std_assign!(AddAssign, add_assign, add_, add_scalar_);
std_assign!(SubAssign, sub_assign, sub_, sub_scalar_);
std_assign!(MulAssign, mul_assign, mul_, mul_scalar_);
std_assign!(DivAssign, div_assign, div_, div_scalar_);
