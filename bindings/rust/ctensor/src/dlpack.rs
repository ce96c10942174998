//! Zero-copy DLPack exchange (include/ctensor/dlpack.h), versioned (DLPack 1.x) managed tensors.

use crate::{check, sys, Error, ErrorKind, Result, Tensor};
use std::ptr::NonNull;

impl Tensor {
    /// Exports self as a versioned DLPack managed tensor sharing its memory
    /// (`ct_to_dlpack_versioned`, no copy).
    ///
    /// # Safety
    /// The caller owns the returned tensor and must call its `deleter` exactly once (or give
    /// it to a consumer that does, e.g. [`Tensor::from_dlpack_raw`]).
    pub unsafe fn to_dlpack_raw(&self) -> Result<*mut sys::DLManagedTensorVersioned> {
        let mut out: *mut sys::DLManagedTensorVersioned = std::ptr::null_mut();
        check(sys::ct_to_dlpack_versioned(
            &mut out,
            self.as_ptr(),
            sys::CT_DLPACK_COPY_NEVER,
            sys::CT_DEVICE_NONE,
            -1,
        ))?;
        Ok(out)
    }

    /// Imports a versioned DLPack managed tensor without copying (`ct_from_dlpack_versioned`);
    /// on success the tensor owns it and calls its deleter when the last reference goes.
    ///
    /// # Safety
    /// `src` must be a valid, not yet consumed `DLManagedTensorVersioned`; on success it must
    /// not be used again. On failure the caller still owns it.
    pub unsafe fn from_dlpack_raw(src: *mut sys::DLManagedTensorVersioned) -> Result<Tensor> {
        Tensor::wrap(|o| sys::ct_from_dlpack_versioned(o, src))
    }

    /// Exports self as an owned [`DLPackTensor`].
    pub fn to_dlpack(&self) -> Result<DLPackTensor> {
        let p = unsafe { self.to_dlpack_raw()? };
        NonNull::new(p)
            .map(|ptr| DLPackTensor { ptr })
            .ok_or_else(|| Error::new(ErrorKind::Internal, "ct_to_dlpack_versioned gave NULL"))
    }
}

/// An owned versioned DLPack managed tensor: `Drop` calls its deleter once, unless it was
/// consumed by [`DLPackTensor::into_tensor`] or [`DLPackTensor::into_raw`].
pub struct DLPackTensor {
    ptr: NonNull<sys::DLManagedTensorVersioned>,
}

// SAFETY: DLPack managed tensors may be moved between threads; the deleter is called once.
unsafe impl Send for DLPackTensor {}

impl DLPackTensor {
    /// Takes ownership of a raw managed tensor (`None` for NULL).
    ///
    /// # Safety
    /// `ptr` must be a valid managed tensor owned by the caller, whose deleter is not called
    /// elsewhere.
    pub unsafe fn from_raw(ptr: *mut sys::DLManagedTensorVersioned) -> Option<DLPackTensor> {
        NonNull::new(ptr).map(|ptr| DLPackTensor { ptr })
    }
    /// The raw pointer, still owned by self.
    pub fn as_ptr(&self) -> *mut sys::DLManagedTensorVersioned {
        self.ptr.as_ptr()
    }
    /// Gives the managed tensor away (the caller must call its deleter).
    pub fn into_raw(self) -> *mut sys::DLManagedTensorVersioned {
        let p = self.ptr.as_ptr();
        std::mem::forget(self);
        p
    }
    /// The described tensor (shape, strides, dtype, device, data).
    pub fn dl_tensor(&self) -> &sys::DLTensor {
        unsafe { &(*self.ptr.as_ptr()).dl_tensor }
    }
    /// The shape.
    pub fn shape(&self) -> Vec<i64> {
        let t = self.dl_tensor();
        if t.ndim == 0 || t.shape.is_null() {
            return Vec::new();
        }
        unsafe { std::slice::from_raw_parts(t.shape, t.ndim as usize) }.to_vec()
    }
    /// Imports it as a tensor sharing the memory (`ct_from_dlpack_versioned`). On failure the
    /// managed tensor is deleted (its deleter called) and the error returned.
    pub fn into_tensor(self) -> Result<Tensor> {
        let p = self.ptr.as_ptr();
        match unsafe { Tensor::from_dlpack_raw(p) } {
            Ok(t) => {
                std::mem::forget(self);
                Ok(t)
            }
            Err(e) => Err(e), // self drops: the deleter runs once
        }
    }
}

impl Drop for DLPackTensor {
    fn drop(&mut self) {
        unsafe {
            let p = self.ptr.as_ptr();
            if let Some(d) = (*p).deleter {
                d(p);
            }
        }
    }
}
