//! Raw FFI declarations of ctensor, the C tensor library (`libctensor.so.0`).
//!
//! Everything here is generated from the public C headers (`include/ctensor/*.h`) by
//! `tools/gen_bindings.py` into `src/bindings.rs`: the constants, the typedefs, the opaque
//! handle types (`ct_tensor`, `ct_generator`), the DLPack structs and one `extern "C"` block
//! with every exported function. The C header comments are the documentation.
//!
//! These are the unsafe, raw functions; the `ctensor` crate is the safe layer on top.
//! Ownership follows the C API: a `*mut ct_tensor` returned through an `out` parameter holds
//! one reference, dropped with `ct_tensor_release`. Fallible functions return a `ct_status`
//! (`CT_OK` or a `CT_ERR_*` kind); `ct_last_error_message()` gives the thread's message.
//!
//! The library is found at build time through `CTENSOR_LIB_DIR` or the `pkg-config` program
//! (see `build.rs`); its include directory is passed on to dependents as `DEP_CTENSOR_INCLUDE`.
#![no_std]

#[allow(
    non_camel_case_types,
    non_upper_case_globals,
    non_snake_case,
    clippy::all,
    rustdoc::all
)]
mod bindings;

pub use bindings::*;
