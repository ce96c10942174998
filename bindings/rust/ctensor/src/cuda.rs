//! CUDA devices and memory, as `torch.cuda` (`include/ctensor/cuda.h`).
//!
//! The CUDA backend is a module of the C library loaded on first use. Without it, a driver or
//! a GPU, [`is_available`] is `false` and [`device_count`] 0, and every other function returns
//! an [`Error`](crate::Error) of kind [`ErrorKind::BackendUnavailable`](crate::ErrorKind)
//! whose message says why. Tensors move with [`Tensor::to_device`](crate::Tensor::to_device)
//! and are created on a GPU with `(Kind, Device::Cuda(i))` options.
//! A device argument of -1 means this thread's current device.

use crate::{check, sys, Result};

/// Whether CUDA can be used: the CUDA module loads, a driver is present and there is a GPU.
pub fn is_available() -> bool {
    let mut b = false;
    let s = unsafe { sys::ct_cuda_is_available(&mut b) };
    s == sys::CT_OK && b
}

/// The number of CUDA devices (0 without the module, a driver or a GPU).
pub fn device_count() -> i32 {
    let mut n = 0i32;
    let s = unsafe { sys::ct_cuda_device_count(&mut n) };
    if s == sys::CT_OK {
        n
    } else {
        0
    }
}

/// This thread's current CUDA device.
pub fn current_device() -> Result<i32> {
    let mut d = 0i32;
    check(unsafe { sys::ct_cuda_current_device(&mut d) })?;
    Ok(d)
}

/// Sets this thread's current CUDA device.
pub fn set_device(device: i32) -> Result<()> {
    check(unsafe { sys::ct_cuda_set_device(device) })
}

/// Waits for all work on a device (-1: the current one) to finish.
pub fn synchronize(device: i32) -> Result<()> {
    check(unsafe { sys::ct_cuda_synchronize(device) })
}

/// The name of a device (-1: the current one), e.g. "NVIDIA H100 80GB HBM3".
pub fn device_name(device: i32) -> Result<String> {
    let mut buf = vec![0u8; 256];
    check(unsafe { sys::ct_cuda_device_name(buf.as_mut_ptr().cast(), buf.len(), device) })?;
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    Ok(String::from_utf8_lossy(&buf[..end]).into_owned())
}

/// The caching allocator's statistics of a device (-1: current), in bytes:
/// (allocated to tensors, reserved from the driver, peak allocated).
pub fn memory_stats(device: i32) -> Result<(i64, i64, i64)> {
    let (mut a, mut r, mut p) = (0i64, 0i64, 0i64);
    check(unsafe { sys::ct_cuda_memory_stats(&mut a, &mut r, &mut p, device) })?;
    Ok((a, r, p))
}

/// Returns every cached block that no tensor uses to the driver (all devices).
pub fn empty_cache() -> Result<()> {
    check(unsafe { sys::ct_cuda_empty_cache() })
}

/// Whether float32 matrix products may use TF32 tensor cores (false by default).
pub fn allow_tf32() -> Result<bool> {
    let mut b = false;
    check(unsafe { sys::ct_cuda_allow_tf32(&mut b) })?;
    Ok(b)
}

/// Sets [`allow_tf32`] (process-wide; works without CUDA too).
pub fn set_allow_tf32(allow: bool) -> Result<()> {
    check(unsafe { sys::ct_cuda_set_allow_tf32(allow) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Device, ErrorKind, Kind, Tensor};

    #[test]
    fn availability_is_consistent() {
        assert_eq!(is_available(), device_count() > 0);
        assert_eq!(Device::Cuda(0).is_available(), is_available());
        assert!(Device::Cpu.is_available());
        assert!(!Device::Cuda(-1).is_available());
        let d = Device::cuda_if_available();
        assert_eq!(d == Device::Cpu, !is_available());
    }

    #[test]
    fn without_cuda_the_reason_is_reported() {
        if is_available() {
            return;
        }
        for e in [
            synchronize(-1).unwrap_err(),
            current_device().unwrap_err(),
            device_name(0).unwrap_err(),
            memory_stats(-1).unwrap_err(),
            Tensor::ones(&[2], (Kind::Float, Device::Cuda(0))).unwrap_err(),
        ] {
            assert_eq!(e.kind, ErrorKind::BackendUnavailable);
            assert!(e.message.to_lowercase().contains("cuda"), "{}", e.message);
        }
    }

    #[test]
    fn device_failure_kind_round_trips() {
        assert_eq!(ErrorKind::from_status(sys::CT_ERR_DEVICE_FAILURE), ErrorKind::DeviceFailure);
        assert_eq!(ErrorKind::DeviceFailure.status(), 12);
    }

    #[test]
    fn allow_tf32_round_trip() {
        let before = allow_tf32().unwrap();
        set_allow_tf32(true).unwrap();
        assert!(allow_tf32().unwrap());
        set_allow_tf32(before).unwrap();
        assert_eq!(allow_tf32().unwrap(), before);
    }

    #[test]
    fn tensors_on_the_gpu() {
        if !is_available() {
            return;
        }
        let x = Tensor::from_slice(&[1.0f32, 2.0, 3.0]).unwrap();
        let g = x.to_device(Device::Cuda(0)).unwrap();
        assert_eq!(g.device(), Device::Cuda(0));
        let y = (&g + 1.0).to_device(Device::Cpu).unwrap();
        assert_eq!(y.to_vec::<f32>().unwrap(), vec![2.0, 3.0, 4.0]);
        let z = Tensor::zeros(&[4], (Kind::Float, Device::Cuda(0))).unwrap();
        assert_eq!(z.device(), Device::Cuda(0));
        synchronize(-1).unwrap();
        assert!(!device_name(0).unwrap().is_empty());
        let (a, r, _) = memory_stats(0).unwrap();
        assert!(r >= a && a > 0);
    }
}
