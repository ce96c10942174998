#!/usr/bin/python3
"""Prints the view cases of tests/check_view.c from PyTorch itself.

Run with a Python that has torch: /usr/bin/python3 tools/gen_view_cases.py
and paste the output between the markers in tests/check_view.c.

Each case applies one view function to a base tensor made as
torch.arange(storage, dtype=float64).as_strided(shape, strides, offset) and
records what PyTorch gives: the result's shape, strides and storage offset,
whether it shares the base's storage (a view) or is a copy, and its values in
row-major order; or that the call fails.
"""
import torch

INT64_MAX = 2**63 - 1

# name, shape, strides, offset, storage size
BASES = [
    ("contiguous", [2, 3, 4], [12, 4, 1], 0, 24),
    ("transposed", [4, 3, 2], [1, 4, 12], 0, 24),
    ("stepped", [2, 3], [8, 2], 1, 24),
    ("scalar", [], [], 5, 6),
    ("empty", [0, 3], [3, 1], 0, 3),
    ("expanded", [3, 4], [0, 1], 0, 4),
    ("ones", [2, 1, 3], [3, 100, 1], 0, 6),
    ("vector", [6], [1], 0, 6),
    ("columns", [4, 3], [6, 2], 1, 24),
    ("batched", [2, 2, 3], [1, 2, 4], 0, 12),
]

# op name -> (how PyTorch computes it from t and args, how the args are laid out for C)
OPS = {
    "VIEW": lambda t, a: t.view(a),
    "RESHAPE": lambda t, a: t.reshape(a),
    "TRANSPOSE": lambda t, a: t.transpose(a[0], a[1]),
    "PERMUTE": lambda t, a: t.permute(a),
    "T": lambda t, a: t.t(),
    "MT": lambda t, a: t.mT,
    "SQUEEZE": lambda t, a: t.squeeze(),
    "SQUEEZE_DIM": lambda t, a: t.squeeze(a[0]),
    "SQUEEZE_DIMS": lambda t, a: squeeze_dims(t, a),
    "UNSQUEEZE": lambda t, a: t.unsqueeze(a[0]),
    "EXPAND": lambda t, a: t.expand(a),
    "BROADCAST_TO": lambda t, a: torch.broadcast_to(t, a),
    "FLATTEN": lambda t, a: t.flatten(a[0], a[1]),
    "UNFLATTEN": lambda t, a: t.unflatten(a[0], a[1:]),
    "NARROW": lambda t, a: t.narrow(a[0], a[1], a[2]),
    "SELECT": lambda t, a: t.select(a[0], a[1]),
    "SLICE": lambda t, a: t[(slice(None),) * (a[0] % max(t.dim(), 1)) + (slice(a[1], a[2], a[3]),)]
    if t.dim() > 0 and -t.dim() <= a[0] < t.dim() else fail(),
    "DIAGONAL": lambda t, a: t.diagonal(a[0], a[1], a[2]),
    "UNFOLD": lambda t, a: t.unfold(a[0], a[1], a[2]),
    "MOVEDIM": lambda t, a: torch.movedim(t, a[0], a[1]),
    "MOVEDIMS": lambda t, a: torch.movedim(t, tuple(a[: len(a) // 2]), tuple(a[len(a) // 2:])),
}


def fail():
    raise IndexError("out of range")


def squeeze_dims(t, dims):
    """torch.squeeze(t, dims) of PyTorch 2.x, which torch 1.13 lacks: wrap, refuse repeats, drop size-1 dims."""
    n = max(t.dim(), 1)
    wrapped = []
    for d in dims:
        if not -n <= d < n:
            raise IndexError("dim out of range")
        wrapped.append(d % n)
    if len(set(wrapped)) != len(wrapped):
        raise RuntimeError("repeated dim")
    if t.dim() == 0:
        return t.view(())
    keep = [i for i in range(t.dim()) if not (i in wrapped and t.shape[i] == 1)]
    return t.as_strided([t.shape[i] for i in keep], [t.stride(i) for i in keep], t.storage_offset())


def cases_for(shape):
    """The (op, args) pairs tried on a base of this shape: valid ones, edge cases and failures.

    Left out, and tested by hand in check_view.c: arguments where PyTorch fails by an
    artifact of its own (int64 overflow of stride * step, INT64_MIN bounds, a negative
    unfold size that it accepts on empty tensors).
    """
    nd = len(shape)
    numel = 1
    for s in shape:
        numel *= s
    c = []
    # view and reshape: the decisions between view and copy.
    for sh in ([numel], [-1], [numel, 1], [1, -1], [2, -1], [-1, 2], [3, -1], [-1, 3, 2], [2, 2, -1],
               [], [1], [4, -1], [-1, -1], [-2, 3], [0, -1], [5, -1], [numel // 2 if numel else 0, 2],
               list(reversed(shape)), shape + [1], [1] + shape):
        c.append(("VIEW", sh))
        c.append(("RESHAPE", sh))
    for a in range(-nd - 1, nd + 1):
        c.append(("TRANSPOSE", [a, 0]))
        c.append(("TRANSPOSE", [-1, a]))
        c.append(("UNSQUEEZE", [a]))
        c.append(("SQUEEZE_DIM", [a]))
        c.append(("SELECT", [a, 0]))
        c.append(("SELECT", [a, -1]))
        c.append(("MOVEDIM", [a, 0]))
        c.append(("MOVEDIM", [0, a]))
    c.append(("UNSQUEEZE", [nd + 1]))
    perms = [list(range(nd)), list(reversed(range(nd)))]
    if nd >= 2:
        perms += [[1, 0] + list(range(2, nd)), [-1] + list(range(nd - 1)), [0, 0] + list(range(2, nd))]
    perms += [list(range(nd + 1)), list(range(nd))[:-1]]
    for p in perms:
        c.append(("PERMUTE", p))
    c += [("T", []), ("MT", []), ("SQUEEZE", [])]
    c += [("SQUEEZE_DIMS", d) for d in ([], [0], [0, -1], [0, 0], [1, 2], [-1], [5])]
    for sh in ([2] + shape, [-1] * nd, [2, 2] + shape, shape[:-1] + [5] if nd else [5], [1] + shape,
               [-1] + shape, shape[1:], [3] * nd, [0] + shape, [2, -2] + shape[1:] if nd else [-2]):
        c.append(("EXPAND", sh))
        c.append(("BROADCAST_TO", sh))
    for a in range(-nd - 1, nd + 1):
        c.append(("FLATTEN", [a, -1]))
        c.append(("FLATTEN", [0, a]))
    if nd:
        s0 = shape[0]
        c += [("UNFLATTEN", [0, 1, s0]), ("UNFLATTEN", [0, -1, 1]), ("UNFLATTEN", [-1, shape[-1], 1]),
              ("UNFLATTEN", [0, 2, -1]), ("UNFLATTEN", [0, -1, -1]), ("UNFLATTEN", [0]),
              ("UNFLATTEN", [0, s0 + 1]), ("UNFLATTEN", [nd, 1])]
        for d in range(-nd, nd):
            size = shape[d]
            for start, length in ((0, size), (1, size - 1), (-1, 1), (-size, 1), (size, 0), (size, 1),
                                  (-size - 1, 1), (0, -1), (2, 1)):
                c.append(("NARROW", [d, start, length]))
            for start, end, step in ((0, INT64_MAX, 1), (1, INT64_MAX, 1), (0, INT64_MAX, 2),
                                     (-2, INT64_MAX, 1), (-100, 100, 1), (5, 2, 1), (1, -1, 2),
                                     (-100, -100, 1), (size, INT64_MAX, 1), (0, 1, 3),
                                     (0, 2, 0), (0, 2, -1), (-1000, -1, 1), (1, 3, 5)):
                c.append(("SLICE", [d, start, end, step]))
            c.append(("SELECT", [d, size]))
            c.append(("SELECT", [d, -size - 1]))
            for size_, step in ((1, 1), (2, 1), (2, 2), (size, 1), (0, 1), (size + 1, 1), (1, 0), (1, 2 * size + 1)):
                c.append(("UNFOLD", [d, size_, step]))
    else:
        c += [("SLICE", [0, 0, 1, 1]), ("NARROW", [0, 0, 1]), ("UNFOLD", [0, 1, 1]), ("UNFOLD", [0, 0, 1]),
              ("UNFOLD", [-1, 1, 1]), ("UNFOLD", [0, 2, 1]), ("UNFOLD", [1, 1, 1])]
    for o in (0, 1, -1, 2, -2, 5, -5, 2**62, -2**62):
        c.append(("DIAGONAL", [o, 0, 1]))
        c.append(("DIAGONAL", [o, -1, 0]))
    c.append(("DIAGONAL", [0, 0, 0]))
    c.append(("DIAGONAL", [0, 0, -nd] if nd else [0, 0, 1]))
    c += [("MOVEDIMS", []), ("MOVEDIMS", [0, 1, 1, 0]), ("MOVEDIMS", [0, 1, 2, 0]), ("MOVEDIMS", [0, 0, 1, 2]),
          ("MOVEDIMS", [0, 1, 1, 1]), ("MOVEDIMS", [-1, 0]), ("MOVEDIMS", [0, -1, 5, 0])]
    return c


def find_or_add(pool, vals):
    """The start of vals in pool, appending them when they are not there yet (as a run)."""
    n = len(vals)
    for i in range(len(pool) - n + 1):
        if pool[i:i + n] == vals:
            return i
    pool += vals
    return len(pool) - n


def c_int(x):
    """An int64 literal: INT64_MIN has no literal of its own in C."""
    return "INT64_MIN" if x == -2**63 else str(x)


def c_list(v, n):
    v = list(v) + [0] * (n - len(v))
    return "{" + ", ".join(c_int(x) for x in v) + "}"


def main():
    pool = []
    rows = []
    for name, shape, strides, offset, storage in BASES:
        base = torch.arange(storage, dtype=torch.float64).as_strided(shape, strides, offset)
        for op, args in cases_for(shape):
            expr = f"{name}.{op.lower()}({', '.join(str(a) for a in args)})"
            try:
                r = OPS[op](base, list(args))
            except (RuntimeError, IndexError, ValueError, TypeError):
                rows.append(f'  {{"{expr}", {name.upper()}, VOP_{op}, {len(args)}, {c_list(args, 8)}, 0, 0, {{0}}, {{0}}, 0, 0, 0, 0}},')
                continue
            view = r.storage().data_ptr() == base.storage().data_ptr()
            vals = [int(x) for x in r.flatten().tolist()]
            start = find_or_add(pool, vals)
            rows.append(
                f'  {{"{expr}", {name.upper()}, VOP_{op}, {len(args)}, {c_list(args, 8)}, 1, {r.dim()}, '
                f"{c_list(r.shape, 6)}, {c_list(r.stride(), 6)}, {r.storage_offset()}, {int(view)}, "
                f"{start}, {len(vals)}}},")
    print("/* BEGIN GENERATED by tools/gen_view_cases.py: do not edit by hand. */")
    print("enum { " + ", ".join(n.upper() for n, *_ in BASES) + ", NBASES };")
    print("static const struct view_base view_bases[NBASES] = {")
    for name, shape, strides, offset, storage in BASES:
        print(f'  {{"{name}", {len(shape)}, {c_list(shape, 4)}, {c_list(strides, 4)}, {offset}, {storage}}},')
    print("};")
    print("static const int64_t view_pool[] = {")
    for i in range(0, len(pool), 24):
        print("  " + ", ".join(str(x) for x in pool[i:i + 24]) + ",")
    print("  0};")
    print("static const struct view_case view_cases[] = {")
    print("\n".join(rows))
    print("};")
    print("/* END GENERATED */")


main()
