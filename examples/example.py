"""The small program shared by every ctensor binding (issue 5), in Python.

Create, fill, add, matmul, reduce, print and a DLPack round trip; prints
exactly the text of examples/expected.txt, the output of example.c (the
tensor text comes from the C formatter in every language). Needs no NumPy.

Run from a build tree:

    CTENSOR_LIBRARY=.libs/libctensor.so.0 PYTHONPATH=bindings/python \\
        python3 examples/example.py
"""
import ctensor


def show(label, t):
    print(label)
    print(t)


def main():
    # 1. a = arange(6) as float32, reshaped to [2, 3].
    a = ctensor.arange(6, dtype=ctensor.float32).view(2, 3)
    show("a =", a)

    # 2. b = full([2, 3], 2.0) as float32.
    b = ctensor.full([2, 3], 2.0, dtype=ctensor.float32)
    show("b =", b)

    # 3. c = a + b
    c = a + b
    show("a + b =", c)

    # 4. m = c @ c.T
    m = ctensor.matmul(c, c.t())
    show("c @ c.T =", m)

    # 5. The sum of all elements.
    s = ctensor.sum(c)
    show("sum =", s)

    # 6. The mean over dim 1.
    r = ctensor.mean(c, dim=1)
    show("mean(dim=1) =", r)

    # 7. DLPack round trip through a versioned managed tensor (max_version (1, 3)).
    d = ctensor.from_dlpack(c.__dlpack__(max_version=(1, 3)))
    same = c.data_ptr() == d.data_ptr()
    print("dlpack round trip: same memory = %s" % ("true" if same else "false"))
    d.add_(1)
    show("c after d += 1 =", c)

    # 8.
    print("done")


if __name__ == "__main__":
    main()
