#!/usr/bin/python3
"""Writes tests/consumer/expected.txt: what prog.c must print, computed by PyTorch.

prog.c does the same things with ctensor; every tensor line here is PyTorch's own
repr, with plain dtype names ("dtype=float64": prog.c passes an empty prefix to
ct_tensor_format) and PyTorch's line breaks for that text; a few tensors are also
printed with the "torch." prefix, which must give PyTorch's repr exactly. The error
lines are ctensor's status names, which PyTorch has no equivalent for, so they are
written out as prog.c must print them.

Run with a Python that has torch (written with torch 1.13):
    /usr/bin/python3 tests/consumer/gen_expected.py > tests/consumer/expected.txt
"""
import warnings

import torch

ABI_VERSION = 1
DTYPES = [torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64,
          torch.float16, torch.bfloat16, torch.float32, torch.float64,
          torch.complex64, torch.complex128]  # in ct_dtype order


def name(dtype):
    return str(dtype).replace("torch.", "")


def repr_prefixed(t, prefix):
    """repr(t) with prefix instead of "torch." before the dtype name of the suffix.

    The prefix goes into the suffix before PyTorch's _add_suffixes measures it, so the
    line breaks are PyTorch's own for the text actually printed (a shorter suffix may
    stay on the last line where "dtype=torch.complex128" would go to a line of its own).
    """
    add_suffixes = torch._tensor_str._add_suffixes
    torch._tensor_str._add_suffixes = lambda text, suffixes, *args, **kwargs: add_suffixes(
        text, [s.replace("dtype=torch.", "dtype=" + prefix) for s in suffixes], *args, **kwargs)
    try:
        text = repr(t)
    finally:
        torch._tensor_str._add_suffixes = add_suffixes
    assert "torch." not in text or prefix == "torch.", text
    return text


def show(t):
    print(repr_prefixed(t, ""))


def show_torch(t):
    print(repr(t))


def py_bool(b):
    return "True" if b else "False"


def describe(t):
    shape = ", ".join(str(s) for s in t.shape)
    print(f"dtype={name(t.dtype)} ndim={t.dim()} shape=[{shape}] itemsize={t.element_size()} "
          f"numel={t.numel()} nbytes={t.numel() * t.element_size()} "
          f"contiguous={py_bool(t.is_contiguous())}")
    print(f"is_signed={py_bool(t.dtype.is_signed)} "
          f"is_floating_point={py_bool(t.dtype.is_floating_point)} "
          f"is_complex={py_bool(t.dtype.is_complex)}")


def walk_dtype(dtype):
    signed = [[0.0, 1.5, -2.0], [3.25, 100.0, -7.0]]
    unsigned = [[0.0, 1.5, 2.0], [3.25, 100.0, 7.0]]
    t = torch.tensor(signed if dtype.is_signed else unsigned, dtype=torch.float64).to(dtype)
    print(f"== {name(dtype)}")
    describe(t)
    show(t)
    tt = t.t()
    print(f"t() shares storage={py_bool(tt.data_ptr() == t.data_ptr())}")
    describe(tt)
    show(tt)
    wide = tt.to(torch.float64)
    print("t().to(float64):")
    show(wide)
    back = wide.to(dtype)
    print(f"round trip equal={py_bool(repr(back) == repr(tt))}")


def walk_complex(dtype):
    z = torch.tensor([1 + 2j, -0.5 - 1j, 0 + 3.25j], dtype=torch.complex128).to(dtype)
    print(f"== {name(dtype)} with imaginary parts")
    show(z)
    show_torch(z)
    show(z.to(torch.float64))
    show_torch(z.to(torch.float64))


def walk_factories():
    print("== factories")
    print(f"default dtype={name(torch.get_default_dtype())}")
    show(torch.ones(5))
    show(torch.full((5,), 2.0, dtype=torch.float64))
    show(torch.zeros(5, 3, dtype=torch.long))
    t = torch.full((), 3.5)
    describe(t)
    show(t)
    t = torch.zeros(0, dtype=torch.int64)
    describe(t)
    show(t)
    show(torch.arange(0, 10, 1))
    show(torch.linspace(0, 1, 5))
    show(torch.eye(3, dtype=torch.int32))


def walk_errors():
    print("== errors")
    print("zeros((2, -3)) -> CT_ERR_INVALID_ARGUMENT (record agrees=True)")
    print("out is NULL=True")
    print("dtype 42 -> CT_ERR_DTYPE (record agrees=True)")
    print("size(5) of a 2-d tensor -> CT_ERR_INDEX (record agrees=True)")
    print("item() of 6 elements -> CT_ERR_SHAPE (record agrees=True)")
    print("device 'tpu' -> CT_ERR_DEVICE (record agrees=True)")
    print("copy_ into a read-only tensor -> CT_ERR_READ_ONLY (record agrees=True)")
    show(torch.tensor([1.0, 2.0, 3.0, 4.0]))
    print("retain(NULL) -> CT_ERR_INVALID_ARGUMENT (record agrees=True)")
    print('after clear: CT_OK ""')


def main():
    warnings.simplefilter("ignore")  # complex -> float64 warns that it drops the imaginary part
    torch.set_printoptions(profile="default")
    print(f"abi level >= {ABI_VERSION}: True")
    for dtype in DTYPES:
        walk_dtype(dtype)
    walk_complex(torch.complex64)
    walk_complex(torch.complex128)
    walk_factories()
    walk_errors()
    print("live blocks=0 bytes=0")


if __name__ == "__main__":
    main()
