#!/usr/bin/python3
"""Prints the indexing cases of tests/check_index.c from PyTorch itself.

Run with a Python that has torch: /usr/bin/python3 tools/gen_index_cases.py
and paste the output between the markers in tests/check_index.c.

Bases are torch.arange(storage).as_strided(shape, strides, offset) (int64),
so that every element of t[index] is its own storage position. A get case
records what PyTorch's t[index] gives: shape, values, whether it is a view
(and then its strides and offset), or that it fails. A put case records the
whole storage after t[index] = value (or t.index_put_(..., accumulate=True)),
computed from the positions t[index] reads, so that repeated indices follow
ctensor's documented order (the last write wins; sums in index order).

Where ctensor follows PyTorch 2.x rather than the torch 1.13 that runs this
script, the expectation is adjusted: int32 index tensors index (they are
converted to int64 for torch 1.13). One deliberate deviation: two ellipses
are refused, as NumPy does (torch lets each stand for the same dims, which
gives results like "index 0 is out of bounds for dimension 2 with size 0").
"""
import warnings

import torch

warnings.simplefilter("ignore")

# name, shape, strides, offset, storage size
BASES = [
    ("cube", [3, 4, 5], [20, 5, 1], 0, 60),
    ("transposed", [5, 4, 3], [1, 5, 20], 0, 60),
    ("stepped", [4, 3], [10, 3], 2, 40),
    ("scalar", [], [], 3, 5),
    ("empty", [0, 4], [4, 1], 0, 4),
    ("vector", [6], [1], 0, 6),
]

T = torch.tensor


def L(*v):
    return T(list(v), dtype=torch.long)


def items_for(shape):
    """Index tuples tried on a base of this shape (PyTorch spelling)."""
    nd = len(shape)
    s0 = shape[0] if nd else 1
    out = [(), (Ellipsis,), (None,), (None, Ellipsis, None), (True,), (False,), (Ellipsis, Ellipsis),
           (0,), (-1,), (s0,), (-s0 - 1,), (slice(None),), (slice(1, None),), (slice(None, None, 2),),
           (slice(-2, None),), (slice(5, 1),), (slice(-100, 100, 3),), (0, Ellipsis), (Ellipsis, 0),
           (Ellipsis, None), (1, True), (slice(None), False), (0, 0, 0), (0, 0, 0, 0), (None, 0, None, -1),
           (L(0, 1),), (L(-1, 0, -1),), (T([[0, 1], [1, 0]]),), (L(s0),), (L(-s0 - 1),), (L(),),
           (T(1),), (T(-1),), (T(True),), (T(False),), (T(1, dtype=torch.int8),), (T(0, dtype=torch.uint8),),
           (T([0, 1], dtype=torch.int32),), (T([0, 1], dtype=torch.int16),), (T([0.0]),),
           (T([True] * s0),), (T([i % 2 == 0 for i in range(s0)]),), (T([False] * s0),),
           (T([1] * s0, dtype=torch.uint8),), (T([True] * (s0 + 1)),),
           (L(0, 1), None), (True, L(0, 1)), (None, L(1, 0)), (Ellipsis, L(0, 1)), (L(0, 1), Ellipsis)]
    if nd >= 2:
        s1 = shape[1]
        out += [(slice(None), L(0, s1 - 1)), (L(0, 1), L(1, 0)), (L(0, 1), slice(None), L(1, 0)),
                (slice(None), L(0, 1), L(1, 0)), (L(0, 1), 1, L(1, 0)), (L(0, 1), 1),
                (None, L(0, 1), None, L(1, 0)), (T([[0], [1]]), L(0, 1, s1 - 1)), (L(0, 1), L(0, 1, 2)),
                (L(0, 1), Ellipsis, L(1, 0)), (1, slice(None), L(0, 0)), (slice(1, None), L(1, 0, 1)),
                (T([[True] * s1] * s0),), (T([[i % 2 == 1 for i in range(s1)]] * s0),),
                (slice(None), T([True] + [False] * (s1 - 1))), (T([[True] * s1]),),
                (L(0, 1), T([True] * s1)), (T([True] * s0), L(0, 0)), (T([[True] * (s1 + 1)] * s0),),
                (Ellipsis, T([True] * shape[-1])), (L(0, 1), None, L(1, 0)), (slice(None, None, 2), L(1, 0), 0),
                (T(1), L(0, 1)), (L(0), T(0), L(1)), (0, L(0, 1)), (L(0, 1), slice(None), None)]
    if nd >= 3:
        out += [(L(0, 1), slice(None), slice(None), L(0)), (slice(None), slice(None), L(0, 1)),
                (Ellipsis, L(1, 0), L(2, 3)), (L(1, 2), Ellipsis, L(0, 4)), (slice(None), L(0, 1), slice(1, 3), L(2, 2)),
                (T([[[True] * shape[2]] * shape[1]] * shape[0]),), (0, T([[True, False] * 10][0][:shape[1]])),
                (None, L(0, 1), L(1, 2), None, L(0, 0))]
    return out


def spell(item):
    if item is None:
        return "None"
    if item is Ellipsis:
        return "..."
    if isinstance(item, slice):
        f = lambda v: "" if v is None else str(v)
        return f"{f(item.start)}:{f(item.stop)}" + ("" if item.step is None else f":{item.step}")
    if isinstance(item, torch.Tensor):
        d = str(item.dtype).replace("torch.", "")
        return f"tensor({item.tolist()}, {d})"
    return str(item)


DTYPE = {torch.int64: "CT_INT64", torch.int32: "CT_INT32", torch.int16: "CT_INT16", torch.int8: "CT_INT8",
         torch.uint8: "CT_UINT8", torch.bool: "CT_BOOL", torch.float32: "CT_FLOAT32"}


class Pools:
    def __init__(self):
        self.values = []
        self.tensors = []  # (dtype, shape, start)

    def run(self, vals):
        """Start of vals in the value pool (appended when not already there as a run)."""
        n = len(vals)
        for i in range(len(self.values) - n + 1):
            if self.values[i:i + n] == vals:
                return i
        self.values += vals
        return len(self.values) - n

    def tensor(self, t):
        start = self.run([int(x) for x in t.flatten().tolist()])
        entry = (DTYPE[t.dtype], list(t.shape), start)
        if entry not in self.tensors:
            self.tensors.append(entry)
        return self.tensors.index(entry)


def c_list(v, n):
    v = list(v) + [0] * (n - len(v))
    return "{" + ", ".join(str(x) for x in v) + "}"


def describe(items, pools):
    """kinds, values (3 per item) and tensor table entries (-1 where none) for C."""
    kinds, values, tensors = [], [], []
    for it in items:
        v, t = [0, 0, 0], -1
        if it is None:
            k = "CT_INDEX_NONE"
        elif it is Ellipsis:
            k = "CT_INDEX_ELLIPSIS"
        elif isinstance(it, bool):
            k, v[0] = "CT_INDEX_BOOL", int(it)
        elif isinstance(it, int):
            k, v[0] = "CT_INDEX_INT", it
        elif isinstance(it, slice):
            k = "CT_INDEX_SLICE"
            v = [0 if it.start is None else it.start, 2**63 - 1 if it.stop is None else it.stop,
                 1 if it.step is None else it.step]
        else:
            k, t = "CT_INDEX_TENSOR", pools.tensor(it)
        kinds.append(k)
        values += v
        tensors.append(t)
    return kinds, values, tensors


def value_for(kind, shape):
    """A value tensor of one of a few broadcast kinds for a result of this shape (values -1, -2, ...)."""
    if kind == "scalar":
        sh = []
    elif kind == "full":
        sh = list(shape)
    elif kind == "row":
        sh = list(shape[-1:])
    elif kind == "lead1":
        sh = [1, 1] + list(shape)
    else:  # "bad": never broadcasts unless the result is empty or of size 7
        sh = [7]
    n = 1
    for s in sh:
        n *= s
    return -torch.arange(1, n + 1, dtype=torch.long).reshape(sh)


def expected_storage(base_storage, positions, value, accumulate):
    """The storage after writing value (broadcast) at positions, in row-major order."""
    v = value
    while v.dim() > 0 and v.shape[0] == 1:
        v = v[0]
    v = torch.broadcast_to(v, positions.shape)
    s = base_storage.clone()
    for p, x in zip(positions.flatten().tolist(), v.flatten().tolist()):
        s[p] = s[p] + x if accumulate else x
    return s


def main():
    pools = Pools()
    get_rows, put_rows = [], []
    for bi, (name, shape, strides, offset, storage) in enumerate(BASES):
        store = torch.arange(storage)
        base = store.as_strided(shape, strides, offset)
        for items in items_for(shape):
            expr = f"{name}[{', '.join(spell(i) for i in items)}]"
            kinds, values, tens = describe(items, pools)
            head = (f'  {{"{expr}", {name.upper()}, {len(items)}, {c_list(kinds, 6)}, {c_list(values, 18)}, '
                    f"{c_list(tens, 6)}, ")
            as_torch = tuple(i.long() if isinstance(i, torch.Tensor) and i.dtype == torch.int32 else i for i in items)
            try:
                if sum(i is Ellipsis for i in items) > 1:
                    raise IndexError("an index can only have a single ellipsis")
                r = base[as_torch]
            except (IndexError, RuntimeError, ValueError, TypeError):
                get_rows.append(head + "0, 0, {0}, 0, {0}, 0, 0, 0},")
                continue
            view = r.storage().data_ptr() == base.storage().data_ptr()
            start = pools.run([int(x) for x in r.flatten().tolist()])
            get_rows.append(head + f"1, {r.dim()}, {c_list(r.shape, 8)}, {int(view)}, "
                            f"{c_list(r.stride() if view else [], 8)}, {r.storage_offset() if view else 0}, "
                            f"{start}, {r.numel()}}},")
            # Writes: a few value shapes, with and without accumulation.
            for vkind in ("scalar", "full", "row", "lead1", "bad"):
                for acc in (0, 1):
                    if vkind in ("row", "lead1") and acc:
                        continue
                    value = value_for(vkind, list(r.shape))
                    vt = pools.tensor(value)
                    row = (f'  {{"{expr} {"+" if acc else ""}= {vkind}", {name.upper()}, {len(items)}, '
                           f"{c_list(kinds, 6)}, {c_list(values, 18)}, {c_list(tens, 6)}, {vt}, {acc}, ")
                    try:
                        if not acc:
                            # PyTorch itself must accept the write.
                            b2 = torch.arange(storage).as_strided(shape, strides, offset)
                            b2[as_torch] = value
                        after = expected_storage(store, r, value, acc)
                    except (IndexError, RuntimeError, ValueError, TypeError):
                        put_rows.append(row + "0, 0},")
                        continue
                    if not acc:
                        assert torch.equal(after, torch.tensor(b2.storage().tolist())), expr
                    put_rows.append(row + f"1, {pools.run([int(x) for x in after.tolist()])}}},")
    print("/* BEGIN GENERATED by tools/gen_index_cases.py: do not edit by hand. */")
    print("enum { " + ", ".join(n.upper() for n, *_ in BASES) + ", NBASES };")
    print("static const struct index_base index_bases[NBASES] = {")
    for name, shape, strides, offset, storage in BASES:
        print(f'  {{"{name}", {len(shape)}, {c_list(shape, 4)}, {c_list(strides, 4)}, {offset}, {storage}}},')
    print("};")
    print("static const int64_t index_pool[] = {")
    for i in range(0, len(pools.values), 20):
        print("  " + ", ".join(str(x) for x in pools.values[i:i + 20]) + ",")
    print("  0};")
    print("static const struct index_tensor index_tensors[] = {")
    for dtype, shape, start in pools.tensors:
        print(f"  {{{dtype}, {len(shape)}, {c_list(shape, 8)}, {start}}},")
    print("};")
    print("static const struct index_case index_cases[] = {")
    print("\n".join(get_rows))
    print("};")
    print("static const struct put_case put_cases[] = {")
    print("\n".join(put_rows))
    print("};")
    print("/* END GENERATED */")


main()
