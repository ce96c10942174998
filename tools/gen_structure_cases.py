#!/usr/bin/python3
"""Prints the PyTorch-generated cases of tests/check_structure.c.

Run with a Python that has torch: /usr/bin/python3 tools/gen_structure_cases.py
and paste the output between the BEGIN/END GENERATED markers of tests/check_structure.c.
Inputs are torch.arange(numel, dtype=float64).reshape(shape), so the expected values
are the source indices of each output element.
"""
import torch

DTYPES = [
    ("CT_BOOL", torch.bool), ("CT_UINT8", torch.uint8), ("CT_INT8", torch.int8),
    ("CT_INT16", torch.int16), ("CT_INT32", torch.int32), ("CT_INT64", torch.int64),
    ("CT_FLOAT16", torch.float16), ("CT_BFLOAT16", torch.bfloat16), ("CT_FLOAT32", torch.float32),
    ("CT_FLOAT64", torch.float64), ("CT_COMPLEX64", torch.complex64), ("CT_COMPLEX128", torch.complex128),
]
NAME = {t: n for n, t in DTYPES}


def arr(values, width):
    values = list(values)
    assert len(values) <= width, (values, width)
    return "{" + ", ".join(str(v) for v in values) + "}" if values else "{0}"


def vals(t):
    return arr((repr(float(v)) for v in t.flatten().tolist()), 48)


def src(shape):
    n = 1
    for s in shape:
        n *= s
    return torch.arange(n, dtype=torch.float64).reshape(shape)


print(f"/* From PyTorch {torch.__version__}. */")

# cat's result dtype for a [2, 2] tensor of a and a [1, 2] tensor of b, and with a third, empty
# [0] tensor of c in front (skipped for shapes, counted for the dtype).
print("static const struct cat_dtype_case cat_dtype_cases[] = {")
for an, a in DTYPES:
    for bn, b in DTYPES:
        r = torch.cat([torch.zeros(2, 2, dtype=a), torch.zeros(1, 2, dtype=b)]).dtype
        print(f"  {{{an}, {bn}, CT_DTYPE_NONE, {NAME[r]}}},")
for cn, c in DTYPES:
    for an, a in [DTYPES[1], DTYPES[5], DTYPES[6], DTYPES[8]]:
        r = torch.cat([torch.zeros(0, dtype=c), torch.zeros(2, 2, dtype=a), torch.zeros(1, 2, dtype=a)]).dtype
        print(f"  {{{an}, {an}, {cn}, {NAME[r]}}},")
print("};")

# chunk: the sizes of the pieces of a dim of size n cut into at most `chunks` pieces.
print("static const struct chunk_case chunk_cases[] = {")
for n in [0, 1, 2, 5, 6, 7, 10, 13]:
    for chunks in [1, 2, 3, 4, 6, 7, 20]:
        sizes = [p.shape[0] for p in torch.chunk(torch.zeros(n), chunks)]
        if len(sizes) > 20:
            continue
        print(f"  {{{n}, {chunks}, {len(sizes)}, {arr(sizes, 20)}}},")
print("};")

# split with an int size.
print("static const struct chunk_case split_cases[] = {")
for n in [0, 1, 5, 6, 7, 13]:
    for size in [1, 2, 3, 5, 13, 20] + ([0] if n == 0 else []):
        sizes = [p.shape[0] for p in torch.split(torch.zeros(n), size)]
        if len(sizes) > 20:
            continue
        print(f"  {{{n}, {size}, {len(sizes)}, {arr(sizes, 20)}}},")
print("};")

# roll, with dims or flattened (ndims = 0).
ROLLS = [
    ([6], [2], []), ([6], [-1], []), ([6], [13], [0]), ([2, 3], [1], []), ([2, 3], [1], [1]),
    ([2, 3], [-4], [1]), ([2, 3], [1, 1], [0, 1]), ([2, 3], [1, 2], [1, 1]), ([2, 3, 4], [1, -1, 2], [0, 1, 2]),
    ([2, 3, 4], [5], []), ([2, 3, 4], [3, 1], [-1, 0]), ([4, 1, 3], [2, 7, 1], [0, 1, 2]),
]
print("static const struct roll_case roll_cases[] = {")
for shape, shifts, dims in ROLLS:
    r = torch.roll(src(shape), shifts, dims) if dims else torch.roll(src(shape), shifts[0])
    print(f"  {{{len(shape)}, {arr(shape, 4)}, {len(shifts)}, {arr(shifts, 4)}, {len(dims)}, {arr(dims, 4)}, "
          f"{vals(r)}}},")
print("};")

# flip.
FLIPS = [([5], [0]), ([2, 3], [0]), ([2, 3], [-1]), ([2, 3], [0, 1]), ([2, 3], []), ([2, 3, 4], [0, 2]),
         ([2, 1, 3], [1, 2])]
print("static const struct flip_case flip_cases[] = {")
for shape, dims in FLIPS:
    r = torch.flip(src(shape), dims)
    print(f"  {{{len(shape)}, {arr(shape, 4)}, {len(dims)}, {arr(dims, 4)}, {vals(r)}}},")
print("};")

# repeat (tile = 0) and tile (tile = 1).
REPS = [(0, [3], [2]), (0, [2, 2], [2, 3]), (0, [3], [2, 2]), (0, [2, 1], [1, 2, 3]), (0, [], [4]),
        (0, [2, 3], [1, 0]), (1, [2, 3], [2]), (1, [3], [2, 2]), (1, [2, 2], []), (1, [], [3]), (1, [1, 2], [3, 1, 2])]
print("static const struct repeat_case repeat_cases[] = {")
for tile, shape, reps in REPS:
    t = src(shape)
    r = torch.tile(t, reps) if tile else t.repeat(reps)
    print(f"  {{{tile}, {len(shape)}, {arr(shape, 4)}, {len(reps)}, {arr(reps, 4)}, {r.dim()}, "
          f"{arr(r.shape, 4)}, {vals(r)}}},")
print("};")

# tril (upper = 0) and triu (upper = 1).
print("static const struct tri_case tri_cases[] = {")
for shape in [[3, 4], [4, 3], [2, 2, 3]]:
    for upper in (0, 1):
        for diag in [-5, -2, -1, 0, 1, 2, 5]:
            t = src(shape)
            r = torch.triu(t, diag) if upper else torch.tril(t, diag)
            print(f"  {{{len(shape)}, {arr(shape, 4)}, {upper}, {diag}, {vals(r)}}},")
print("};")
