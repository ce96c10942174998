# The shared example program of ctensor (examples/): the same steps and the same output as
# examples/example.c (examples/expected.txt). Tensor text comes from the C formatter.
#
# Run from the top of the source tree, with a built library:
#   CTENSOR_LIBRARY=$PWD/.libs/libctensor.so.0 julia --project=bindings/julia examples/julia/example.jl
#
# Julia dims are the C dims reversed (see bindings/julia/README.md): the C [2, 3] tensors of the
# example are 3×2 in Julia, and C's "mean over dim 1" is Julia's dims = 1.

using CTensor

# 1. a = arange(6) as float32, reshaped to the C shape [2, 3] (Julia size (3, 2))
a = reshape(CTensor.arange(6; dtype = Float32), 3, 2)
println("a =")
println(a)

# 2. b = full([2, 3], 2.0) as float32
b = CTensor.full((3, 2), 2.0; dtype = Float32)
println("b =")
println(b)

# 3. c = a + b
c = a + b
println("a + b =")
println(c)

# 4. C's c @ c.T: Julia's matrix product x * y is ct_matmul(y, x) on the C tensors, so
#    permutedims(c) * c is ct_matmul(c, c.T) (also written matmul(c, permutedims(c)))
m = permutedims(c) * c
println("c @ c.T =")
println(m)

# 5. the sum of every element, a 0-d tensor
s = sum(c)
println("sum =")
println(s)

# 6. the mean over C dim 1 (Julia dim 1), without keeping the reduced dim
r = dropdims(mean(c; dims = 1); dims = 1)
println("mean(dim=1) =")
println(r)

# 7. DLPack round trip: export c as a versioned managed tensor (owned by us), import it back
#    as d (d takes it over), and compare the data pointers
p = to_dlpack(c; copy = :never)
d = from_dlpack(p)
same = CTensor.data_ptr(c) == CTensor.data_ptr(d)
println("dlpack round trip: same memory = ", same)

# d shares c's memory: adding 1 to d in place shows in c
d .+= 1
println("c after d += 1 =")
println(c)

# 8.
println("done")
