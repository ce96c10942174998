# Tests of the CTensor package. Run from the top of the source tree (tests/julia.sh does):
#   CTENSOR_LIBRARY=$PWD/.libs/libctensor.so.0 julia --project=bindings/julia bindings/julia/test/runtests.jl

using Test
using CTensor
using CTensor.LibCTensor
import Statistics

const L = CTensor.LibCTensor

@testset "CTensor" begin

@testset "library and errors" begin
    @test unsafe_string(L.ct_version()) isa String
    @test check(L.CT_OK) === nothing
    # a failing call becomes a CTensorError with the library's kind and message
    err = try
        CTensor.zeros(Float32, 2, 3) * CTensor.zeros(Float32, 2, 3)   # inner sizes differ
        nothing
    catch e
        e
    end
    @test err isa CTensorError
    @test err.kind === :shape
    @test !isempty(err.message)
    @test sprint(showerror, err) == "CTensorError(:shape): " * err.message
    @test_throws CTensorError reshape(CTensor.zeros(Float32, 6), 4)
    @test CTensor.status_kind(L.CT_ERR_DTYPE) === :dtype
    @test CTensor.status_kind(999) === :unknown
end

@testset "constructors and dtypes" begin
    for T in (Float32, Float64, Float16, Int8, Int16, Int32, Int64, UInt8, Bool,
              ComplexF32, ComplexF64)
        z = CTensor.zeros(T, 3, 2)
        @test eltype(z) === T
        @test size(z) == (3, 2)
        @test CTensor.cshape(z) == [2, 3]       # C dims are the Julia dims reversed
        @test ndims(z) == 2
        @test length(z) == 6
        @test Array(z) == Base.zeros(T, 3, 2)
        @test Array(CTensor.ones(T, 4)) == Base.ones(T, 4)
        e = CTensor.empty(T, 2, 2)
        @test size(e) == (2, 2) && eltype(e) === T
    end
    @test eltype(CTensor.zeros(BFloat16, 2)) === BFloat16
    @test eltype(CTensor.zeros(:bfloat16, 2)) === BFloat16
    @test CTensor.ct_dtype(:float32) == L.CT_FLOAT32
    @test_throws ArgumentError CTensor.ct_dtype(String)
    @test Array(CTensor.zeros(BFloat16, 3)) == reinterpret(BFloat16, Base.zeros(UInt16, 3))
    @test CTensor.ones(BFloat16, 2)[1] === 1.0f0            # bfloat16 scalars read as Float32

    f = CTensor.full((2, 3), 2.5; dtype = Float64)
    @test Array(f) == fill(2.5, 2, 3)
    @test eltype(CTensor.full((2,), 1.5)) === Float32       # PyTorch's inference
    @test eltype(CTensor.full((2,), 7)) === Int64
    @test eltype(CTensor.full((2,), true)) === Bool

    @test Array(CTensor.arange(5)) == [0, 1, 2, 3, 4]       # end excluded, as torch.arange
    @test eltype(CTensor.arange(5)) === Int64
    @test Array(CTensor.arange(1, 2, 0.25; dtype = Float64)) == [1.0, 1.25, 1.5, 1.75]
    @test Array(CTensor.eye(Float32, 3)) == Float32[1 0 0; 0 1 0; 0 0 1]
    @test Array(CTensor.eye(Int64, 2, 3)) == [1 0 0; 0 1 0]

    CTensor.seed!(42)
    r1 = Array(CTensor.rand(Float32, 100))
    CTensor.seed!(42)
    r2 = Array(CTensor.rand(Float32, 100))
    @test r1 == r2
    @test all(x -> 0 <= x < 1, r1)
    n = CTensor.randn(Float64, 1000)
    @test size(n) == (1000,)
    @test abs(Statistics.mean(Array(n))) < 0.2
end

@testset "Tensor(array) and Array(t): dims reversed, same memory order" begin
    A = Float32[1 2 3; 4 5 6]                  # 2×3 Julia, column-major: 1 4 2 5 3 6
    t = Tensor(A)
    @test size(t) == (2, 3)
    @test CTensor.cshape(t) == [3, 2]          # the C tensor is A's transpose
    @test Array(t) == A
    @test convert(Array, t) == A
    @test Array{Float64}(t) == Float64.(A)
    # C element [j-1][i-1] is Julia t[i, j]; the C row-major order is A's column-major order
    @test t[1, 1] === 1.0f0
    @test t[2, 1] === 4.0f0
    @test t[1, 3] === 3.0f0
    @test Array(reshape(t, 6)) == vec(A)
    # the C formatter prints the C tensor (3 rows of 2)
    @test sprint(show, t) == "tensor([[1., 4.],\n        [2., 5.],\n        [3., 6.]])"
    # 3-d
    B = reshape(collect(Int32, 1:24), 2, 3, 4)
    tb = Tensor(B)
    @test CTensor.cshape(tb) == [4, 3, 2]
    @test Array(tb) == B
    @test tb[2, 3, 4] == B[2, 3, 4]
    # 0-d, Bool, complex
    @test ndims(Tensor(fill(3.0))) == 0
    @test Tensor(fill(3.0))[] === 3.0
    @test Array(Tensor([true, false])) == [true, false]
    @test Array(Tensor([1 + 2im, 3 - 1im])) == ComplexF64[1 + 2im, 3 - 1im]
    # a copy: changing A does not change t
    A[1, 1] = 100
    @test t[1, 1] === 1.0f0
end

@testset "getindex / setindex! / show" begin
    t = CTensor.zeros(Float64, 2, 3)
    t[2, 3] = 7.5
    @test t[2, 3] === 7.5
    @test Array(t)[2, 3] == 7.5
    t[1, 1] = 2                                 # converted to the tensor's dtype
    @test t[1, 1] === 2.0
    @test_throws BoundsError t[3, 1]
    @test_throws BoundsError t[1]
    @test_throws BoundsError t[0, 1]
    i = Tensor(Int32[1, 2, 3])
    @test i[3] === Int32(3)
    @test sprint(show, Tensor(Float32[1, 2])) == "tensor([1., 2.])"
    @test sprint(show, Tensor(Int32[1, 2])) == "tensor([1, 2], dtype=int32)"
    @test sprint(show, MIME("text/plain"), Tensor([1.5])) == "tensor([1.5000], dtype=float64)"
end

@testset "arithmetic" begin
    A = Float32[1 2; 3 4; 5 6]                 # 3×2
    B = Float32[1 0; 0 1; 1 1]
    a, b = Tensor(A), Tensor(B)
    @test Array(a + b) == A + B
    @test Array(a - b) == A - B
    @test Array(-a) == -A
    @test Array(a + 1) == A .+ 1
    @test Array(1 + a) == A .+ 1
    @test Array(a - 1) == A .- 1
    @test Array(10 - a) == 10 .- A
    @test Array(2 * a) == 2 .* A
    @test Array(a * 2) == 2 .* A
    @test Array(a / 2) == A ./ 2
    @test eltype(a * 2.5) === Float32           # scalars promote like Python numbers
    @test_throws ArgumentError a / b
    # * of tensors is Julia's matrix product: Array(a * b) == Array(a) * Array(b)
    M = Float32[1 2 3; 4 5 6]                   # 2×3
    m = Tensor(M)
    @test size(a * m) == (3, 3)
    @test Array(a * m) == A * M
    @test Array(m * a) == M * A
    v = Float32[1, 2]
    @test Array(a * Tensor(v)) == A * v
    @test_throws ArgumentError Tensor(v) * Tensor(v)
    # matmul is torch.matmul on the C tensors: matmul(m, n) == Array(n) * Array(m) in Julia
    @test Array(CTensor.matmul(m, a)) == A * M
    @test Array(permutedims(m)) == permutedims(M)
    @test Array(transpose(m)) == permutedims(M)
    @test Array(permutedims(Tensor(reshape(collect(1.0:24.0), 2, 3, 4)), (3, 1, 2))) ==
          permutedims(reshape(collect(1.0:24.0), 2, 3, 4), (3, 1, 2))
end

@testset "broadcasting" begin
    A = [1.0 2.0; 3.0 4.0; 5.0 6.0]
    a = Tensor(A)
    @test Array(a .+ a) == A .+ A
    @test Array(a .- 1) == A .- 1
    @test Array(a .* a) == A .* A
    @test Array(a ./ 2) == A ./ 2
    @test Array(2 ./ a) ≈ 2 ./ A
    @test Array(a .^ 2) == A .^ 2
    @test Array(exp.(a)) ≈ exp.(A)
    @test Array(sin.(a .+ 1)) ≈ sin.(A .+ 1)
    @test Array(sqrt.(abs.(-a))) ≈ sqrt.(A)
    @test Array(max.(a, 3.0)) == max.(A, 3.0)
    @test Array(a .> 2.5) == (A .> 2.5)
    @test eltype(a .> 2.5) === Bool
    # mixed with a Julia array (copied to a tensor) and broadcasting over a size-1 dim
    row = [10.0 20.0]                            # 1×2 Julia
    @test Array(a .+ row) == A .+ row
    @test Array(a .+ Tensor(row)) == A .+ row
    # in place
    c = copy(a)
    c .+= 1
    @test Array(c) == A .+ 1
    @test Array(a) == A                          # copy made a new tensor
    c .= 0
    @test Array(c) == Base.zeros(3, 2)
    c .= a .* 2
    @test Array(c) == 2 .* A
    c .-= a
    @test Array(c) == A
    ci = Tensor(Int32[1, 2])
    ci .*= 3                                     # in place (ct_mul_scalar_)
    @test Array(ci) == Int32[3, 6]
    err = try
        ci .+= 1.5                               # float result into int32: refused, as PyTorch
        nothing
    catch e
        e
    end
    @test err isa CTensorError && err.kind === :dtype
    ci .= 7.9                                    # .= converts (ct_copy_)
    @test eltype(ci) === Int32
    @test_throws ArgumentError (x -> x).(a)      # no C operator for an arbitrary function
end

@testset "copy, similar, fill!, reductions" begin
    A = Float32[1 2 3; 4 5 6]
    a = Tensor(A)
    b = copy(a)
    b[1, 1] = 9
    @test a[1, 1] == 1
    s = similar(a)
    @test size(s) == size(a) && eltype(s) === Float32
    @test eltype(similar(a, Int32)) === Int32
    @test size(similar(a, Float64, 4, 5)) == (4, 5)
    fill!(s, 3)
    @test Array(s) == fill(3.0f0, 2, 3)

    # over everything: a 0-d tensor
    @test ndims(sum(a)) == 0
    @test sum(a)[] == 21
    @test Statistics.mean(a)[] == 3.5
    @test mean(a)[] == 3.5
    @test maximum(a)[] == 6
    @test minimum(a)[] == 1
    @test sprint(show, sum(a)) == "tensor(21.)"
    # with dims (Julia dims), kept with size 1 as in Julia
    @test Array(sum(a; dims = 1)) == sum(A; dims = 1)
    @test Array(sum(a; dims = 2)) == sum(A; dims = 2)
    @test Array(mean(a; dims = 2)) == Statistics.mean(A; dims = 2)
    @test Array(maximum(a; dims = 1)) == maximum(A; dims = 1)
    @test Array(minimum(a; dims = (1, 2))) == minimum(A; dims = (1, 2))
    @test Array(dropdims(sum(a; dims = 1); dims = 1)) == vec(sum(A; dims = 1))
    @test eltype(sum(Tensor(Int32[1, 2]))) === Int64
end

@testset "zero-copy views (unsafe_wrap)" begin
    A = Float64[1 2 3; 4 5 6]
    t = Tensor(A)
    W = unsafe_wrap(Array, t)
    @test W isa Matrix{Float64}
    @test size(W) == size(t) == (2, 3)
    @test W == A
    @test pointer(W) == Ptr{Float64}(CTensor.data_ptr(t))
    W[2, 1] = 40                                 # writes go to the tensor
    @test t[2, 1] == 40
    t[1, 3] = 30                                 # and back
    @test W[1, 3] == 30
    # the array keeps the C tensor alive on its own
    t2 = CTensor.ones(Int32, 4)
    W2 = unsafe_wrap(Array, t2)
    finalize(t2)                                 # the Tensor's reference dropped now
    GC.gc()
    @test W2 == Int32[1, 1, 1, 1]
    # non-contiguous tensors are refused; contiguous() copies
    tt = permutedims(Tensor(A))
    @test !iscontiguous(tt)
    @test_throws ArgumentError unsafe_wrap(Array, tt)
    @test unsafe_wrap(Array, contiguous(tt)) == permutedims(A)
    # a view of the same memory through reshape
    r = reshape(t, 6)
    Wr = unsafe_wrap(Array, r)
    @test Wr == vec(Array(t))
end

@testset "DLPack" begin
    A = Float32[1 2 3; 4 5 6]
    t = Tensor(A)
    p = to_dlpack(t)
    @test p isa Ptr{L.DLManagedTensorVersioned}
    m = unsafe_load(p)
    @test m.version.major == 1
    dl = m.dl_tensor
    @test dl.ndim == 2
    @test unsafe_load(dl.shape, 1) == 3 && unsafe_load(dl.shape, 2) == 2   # C shape
    @test dl.data + dl.byte_offset == CTensor.data_ptr(t)
    d = from_dlpack(p)                           # takes p over
    @test CTensor.data_ptr(d) == CTensor.data_ptr(t)
    @test size(d) == size(t)
    d .+= 1
    @test Array(t) == A .+ 1                     # shared memory
    # copies and the legacy struct (DLPack.jl's)
    pc = to_dlpack(t; copy = true)
    @test unsafe_load(pc).flags & L.DLPACK_FLAG_BITMASK_IS_COPIED != 0
    dc = from_dlpack(pc)
    @test CTensor.data_ptr(dc) != CTensor.data_ptr(t)
    @test Array(dc) == Array(t)
    pl = to_dlpack_legacy(t)
    @test pl isa Ptr{L.DLManagedTensor}
    dlegacy = from_dlpack(pl)
    @test CTensor.data_ptr(dlegacy) == CTensor.data_ptr(t)
    # an unconsumed export is freed by its deleter (ct_dlpack_live counts live exports)
    exports = Ref{Int64}(0)
    imports = Ref{Int64}(0)
    check(L.ct_dlpack_live(exports, imports))
    n0 = exports[]
    pf = to_dlpack(t)
    check(L.ct_dlpack_live(exports, imports))
    @test exports[] == n0 + 1
    dlpack_free(pf)
    check(L.ct_dlpack_live(exports, imports))
    @test exports[] == n0
    # copy = :never of a non-contiguous tensor that needs no copy still shares
    pn = to_dlpack(permutedims(t); copy = :never)
    dn = from_dlpack(pn)
    @test CTensor.data_ptr(dn) == CTensor.data_ptr(t)
    @test Array(dn) == permutedims(Array(t))
end

@testset "CUDA (skips its GPU part without a GPU)" begin
    @test CTensor.status_kind(L.CT_ERR_DEVICE_FAILURE) === :device_failure
    @test L.CT_ERR_DEVICE_FAILURE == 12
    if !CTensor.cuda_is_available()
        @test CTensor.cuda_device_count() == 0
        err = try
            CTensor.cuda(CTensor.ones(Float32, 2))
            nothing
        catch e
            e
        end
        @test err isa CTensorError
        @test err.kind === :backend_unavailable
        @test occursin("cuda", lowercase(err.message))
        @test_throws CTensorError CTensor.cuda_synchronize()
        @test_throws CTensorError CTensor.cuda_current_device()
    else
        @test CTensor.cuda_device_count() >= 1
        CTensor.cuda_set_device(0)
        @test CTensor.cuda_current_device() == 0
        x = CTensor.rand(Float32, 3, 2)
        g = CTensor.cuda(x, 0)
        @test CTensor.device(g) == (L.CT_DEVICE_CUDA, 0)
        @test Array(CTensor.cpu(g .+ 1)) == Array(x) .+ 1
        CTensor.cuda_synchronize()
    end
    a = Ref{Bool}(true)
    check(L.ct_cuda_allow_tf32(a))
    @test a[] == false
end

@testset "finalizers release" begin
    live = Ref{Int64}(0)
    bytes = Ref{Int64}(0)
    peak = Ref{Int64}(0)
    GC.gc()
    check(L.ct_memory_stats(live, bytes, peak))
    before = live[]
    let
        for _ in 1:100
            x = CTensor.ones(Float32, 16, 16)
            y = x .+ 1
        end
    end
    GC.gc(); GC.gc()
    check(L.ct_memory_stats(live, bytes, peak))
    @test live[] <= before + 2
    t = CTensor.zeros(Float32, 2)
    finalize(t)
    @test t.ptr == C_NULL
    @test_throws ArgumentError size(t)           # a released handle is refused
end

end # testset
