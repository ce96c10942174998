"""
CTensor: tensors of the ctensor C library for Julia.

`CTensor.LibCTensor` is the generated low level (`@ccall` wrappers of every exported C
function); this module is the Julia API on top of it:

- `Tensor`, a handle on one C tensor, released by a finalizer (`ct_tensor_release`);
- `CTensorError` (`kind`, `message`), thrown by `check(status)` for every failing call;
- constructors `CTensor.zeros`, `ones`, `full`, `rand`, `randn`, `empty`, `arange`, `eye`
  and `Tensor(array)`;
- `Base` methods (size, ndims, eltype, length, show, getindex/setindex!, +, -, *, /,
  broadcasting, copy, similar, Array, sum, mean, maximum, minimum);
- zero-copy views as Julia arrays (`unsafe_wrap(Array, t)`), and DLPack (`to_dlpack`,
  `from_dlpack`, `to_dlpack_legacy`).

# The layout convention (one, everywhere)

C tensors are row-major, Julia arrays column-major. CTensor follows DLPack.jl: **the Julia
dims of a tensor are its C dims reversed**, and the memory is the same. A C tensor of shape
`[2, 3]` has `size(t) == (3, 2)`; `Tensor(A)` of a `3×2` Julia matrix `A` is a C tensor of
shape `[2, 3]` holding `A`'s bytes in `A`'s order; `Array(t)` and `unsafe_wrap(Array, t)` give
`3×2` arrays; `t[i, j]` (1-based, Julia dims) is the C element `[j-1][i-1]`. Every dims
argument (`zeros(Float32, 3, 2)`, `reshape(t, 3, 2)`, `sum(t; dims = 1)`) is in Julia dims.
So `Array(f(Tensor(A))) == f(A)` holds for the Julia operations below, and `A * B`
(matrix product) becomes `ct_matmul(B, A)` in C. `show` prints the C formatter's text
(PyTorch's repr), i.e. the C shape: a `3×2` Julia view prints as a `[2, 3]` tensor.
"""
module CTensor

include("LibCTensor.jl")
using .LibCTensor
const L = LibCTensor

import Statistics
import Statistics: mean
using Base.Broadcast: Broadcasted, BroadcastStyle

export Tensor, CTensorError, BFloat16, check, mean, matmul, contiguous, iscontiguous,
       to_dlpack, to_dlpack_legacy, from_dlpack, dlpack_free, dtype

# ---- errors -------------------------------------------------------------------------------------

"""
    CTensorError(kind::Symbol, message::String)

A failing ctensor call. `kind` names the C status: `:invalid_argument`, `:shape`, `:dtype`,
`:device`, `:index`, `:read_only`, `:out_of_memory`, `:not_implemented`,
`:backend_unavailable`, `:dlpack`, `:internal`, `:device_failure` (`:unknown` for a code this
version does not know); `message` is the library's message (`ct_last_error_message`).
"""
struct CTensorError <: Exception
    kind::Symbol
    message::String
end

const _KINDS = (:invalid_argument, :shape, :dtype, :device, :index, :read_only,
                :out_of_memory, :not_implemented, :backend_unavailable, :dlpack, :internal,
                :device_failure)

"""The `kind` Symbol of a C status code (`CT_ERR_SHAPE` -> `:shape`)."""
function status_kind(code::Integer)
    return 1 <= code <= length(_KINDS) ? _KINDS[code] : :unknown
end

Base.showerror(io::IO, e::CTensorError) = print(io, "CTensorError(:", e.kind, "): ", e.message)

"""
    check(status) -> nothing

Throws a `CTensorError` built from the thread's last error (`ct_last_error_code`,
`ct_last_error_message`) when `status` is not `CT_OK`.
"""
function check(status::Integer)
    status == L.CT_OK && return nothing
    code = L.ct_last_error_code()
    code == L.CT_OK && (code = status)
    msg = convert(Ptr{UInt8}, L.ct_last_error_message())
    text = msg == C_NULL ? "" : unsafe_string(msg)
    throw(CTensorError(status_kind(code), isempty(text) ? "ctensor error $code" : text))
end

# ---- element types ------------------------------------------------------------------------------

"""
    BFloat16

Placeholder for the C `bfloat16` dtype (16 bits, no arithmetic in Julia): the `eltype` of
bfloat16 tensors, and accepted as a dtype (as is the Symbol `:bfloat16`). Scalars of such
tensors are read and written as `Float32`; `Array(t)` gives a `Vector{BFloat16}` of the raw bits
(`reinterpret(UInt16, ...)` to get them).
"""
primitive type BFloat16 16 end

const _JL_OF_CT = Dict{Int32,DataType}(
    L.CT_BOOL => Bool, L.CT_UINT8 => UInt8, L.CT_INT8 => Int8, L.CT_INT16 => Int16,
    L.CT_INT32 => Int32, L.CT_INT64 => Int64, L.CT_FLOAT16 => Float16,
    L.CT_BFLOAT16 => BFloat16, L.CT_FLOAT32 => Float32, L.CT_FLOAT64 => Float64,
    L.CT_COMPLEX64 => ComplexF32, L.CT_COMPLEX128 => ComplexF64)

const _CT_OF_JL = Dict{DataType,Int32}(v => k for (k, v) in _JL_OF_CT)

const _CT_OF_SYMBOL = Dict{Symbol,Int32}(
    :bool => L.CT_BOOL, :uint8 => L.CT_UINT8, :int8 => L.CT_INT8, :int16 => L.CT_INT16,
    :int32 => L.CT_INT32, :int64 => L.CT_INT64, :float16 => L.CT_FLOAT16,
    :bfloat16 => L.CT_BFLOAT16, :float32 => L.CT_FLOAT32, :float64 => L.CT_FLOAT64,
    :complex64 => L.CT_COMPLEX64, :complex128 => L.CT_COMPLEX128)

"""
    ct_dtype(T) -> Int32

The C dtype of a Julia element type (`Float32` -> `CT_FLOAT32`, `BFloat16` or `:bfloat16` ->
`CT_BFLOAT16`, a Symbol of the C name, `nothing` -> `CT_DTYPE_NONE`: the library infers it).
"""
ct_dtype(::Nothing) = L.CT_DTYPE_NONE
function ct_dtype(T::Type)
    haskey(_CT_OF_JL, T) && return _CT_OF_JL[T]
    T === Int && return L.CT_INT64
    throw(ArgumentError("ctensor has no dtype for Julia type $T"))
end
function ct_dtype(s::Symbol)
    haskey(_CT_OF_SYMBOL, s) && return _CT_OF_SYMBOL[s]
    throw(ArgumentError("unknown ctensor dtype :$s"))
end

"""The Julia element type of a C dtype code."""
julia_type(code::Integer) = _JL_OF_CT[Int32(code)]

# A scalar as (Ref, C dtype): what the C functions taking `const void *value` want.
_scalar(x::Bool) = (Ref{Bool}(x), L.CT_BOOL)
_scalar(x::Integer) = (Ref{Int64}(Int64(x)), L.CT_INT64)
_scalar(x::Union{Float16,Float32,Float64}) = (Ref{Float64}(Float64(x)), L.CT_FLOAT64)
_scalar(x::Real) = (Ref{Float64}(Float64(x)), L.CT_FLOAT64)
_scalar(x::Complex) = (Ref{ComplexF64}(ComplexF64(x)), L.CT_COMPLEX128)

# ---- the tensor type ----------------------------------------------------------------------------

"""
    Tensor

A reference to one ctensor tensor (`ptr::Ptr{LibCTensor.ct_tensor}`), released by a finalizer
(`ct_tensor_release`) when Julia collects it; `finalize(t)` releases it at once. A `Tensor`
converts to `Ptr{ct_tensor}` in `@ccall`s, which keep it alive for the call, so every
`LibCTensor` function accepts it. Dims are Julia dims, the C dims reversed (see `CTensor`).
"""
mutable struct Tensor
    ptr::Ptr{L.ct_tensor}
    # takes over one reference of ptr (a new reference from a C out-parameter)
    function Tensor(ptr::Ptr{L.ct_tensor})
        ptr == C_NULL && throw(ArgumentError("NULL ct_tensor handle"))
        t = new(ptr)
        finalizer(_release!, t)
        return t
    end
end

function _release!(t::Tensor)
    p = t.ptr
    t.ptr = Ptr{L.ct_tensor}(C_NULL)
    L.ct_tensor_release(p)   # NULL: nothing
    return nothing
end

function Base.unsafe_convert(::Type{Ptr{L.ct_tensor}}, t::Tensor)
    t.ptr == C_NULL && throw(ArgumentError("the Tensor has been released"))
    return t.ptr
end

"""A `Tensor` holding a new reference to the C tensor `ptr` (which stays the caller's)."""
function retained(ptr::Ptr{L.ct_tensor})
    check(L.ct_tensor_retain(ptr))
    return Tensor(ptr)
end

# calls f(out, args...) and wraps the new reference written to out
function _new(f, args...)
    out = Ref{Ptr{L.ct_tensor}}(C_NULL)
    check(f(out, args...))
    return Tensor(out[])
end

_cshape(dims) = Int64[reverse(Tuple(dims))...]

# Julia dim j (1-based) of an n-d tensor is C dim n - j (0-based)
_cdim(t, j::Integer) = _cdim_n(ndims(t), j)
function _cdim_n(n::Integer, j::Integer)
    1 <= j <= n || throw(ArgumentError("dim $j out of range for $n dims"))
    return Int64(n - j)
end

# ---- constructors -------------------------------------------------------------------------------
# Not exported (they would clash with Base's): call them as CTensor.zeros(Float32, 3, 2).

const _CPU = L.CT_DEVICE_CPU

# an element type argument: a Julia type or a Symbol (:bfloat16)
const _EltSpec = Union{Type,Symbol}

"""
    CTensor.empty(T, dims...) / CTensor.zeros / CTensor.ones / CTensor.rand / CTensor.randn

A new CPU tensor of Julia size `dims` (C shape reversed) and element type `T` (a Julia type of
`CTensor.ct_dtype`, `BFloat16`, or a Symbol such as `:bfloat16`); `empty`'s elements are
uninitialised; `rand` is uniform in [0, 1), `randn` standard normal (default generator,
`CTensor.seed!`). `dims` may also be given as one tuple.
"""
function empty(T::_EltSpec, dims::Integer...)
    s = _cshape(dims)
    return _new(L.ct_empty, Int32(length(s)), s, ct_dtype(T), _CPU, Int32(0))
end
empty(T::_EltSpec, dims::Tuple) = empty(T, dims...)

function zeros(T::_EltSpec, dims::Integer...)
    s = _cshape(dims)
    return _new(L.ct_zeros, Int32(length(s)), s, ct_dtype(T), _CPU, Int32(0))
end
zeros(T::_EltSpec, dims::Tuple) = zeros(T, dims...)
zeros(dims::Integer...) = zeros(Float32, dims...)

function ones(T::_EltSpec, dims::Integer...)
    s = _cshape(dims)
    return _new(L.ct_ones, Int32(length(s)), s, ct_dtype(T), _CPU, Int32(0))
end
ones(T::_EltSpec, dims::Tuple) = ones(T, dims...)
ones(dims::Integer...) = ones(Float32, dims...)

function rand(T::_EltSpec, dims::Integer...)
    s = _cshape(dims)
    return _new(L.ct_rand, Ptr{L.ct_generator}(C_NULL), Int32(length(s)), s, ct_dtype(T),
                _CPU, Int32(0))
end
rand(T::_EltSpec, dims::Tuple) = rand(T, dims...)
rand(dims::Integer...) = rand(Float32, dims...)

function randn(T::_EltSpec, dims::Integer...)
    s = _cshape(dims)
    return _new(L.ct_randn, Ptr{L.ct_generator}(C_NULL), Int32(length(s)), s, ct_dtype(T),
                _CPU, Int32(0))
end
randn(T::_EltSpec, dims::Tuple) = randn(T, dims...)
randn(dims::Integer...) = randn(Float32, dims...)

"""
    CTensor.full(dims, value; dtype = nothing)

A CPU tensor of Julia size `dims` (a tuple) filled with `value`; `dtype` `nothing` infers it
as PyTorch does (Bool -> bool, integers -> int64, floats -> the default dtype, float32).
"""
function full(dims::Tuple, value::Number; dtype = nothing)
    s = _cshape(dims)
    ref, vdt = _scalar(value)
    return _new(L.ct_full, Int32(length(s)), s, ref, vdt, ct_dtype(dtype), _CPU, Int32(0))
end

"""
    CTensor.arange(stop; dtype) / CTensor.arange(start, stop, step = 1; dtype)

`start, start + step, ...` up to but **excluding** `stop`, as torch.arange (not a Julia
range). `dtype` defaults to `Int64` when every argument is an integer, else the default
float dtype.
"""
function arange(start::Real, stop::Real, step::Real = 1; dtype = nothing)
    dt = dtype === nothing ?
         (start isa Integer && stop isa Integer && step isa Integer ? Int64 : nothing) : dtype
    return _new(L.ct_arange, Float64(start), Float64(stop), Float64(step), ct_dtype(dt), _CPU,
                Int32(0))
end
arange(stop::Real; dtype = nothing) = arange(zero(stop), stop, one(stop); dtype = dtype)

"""
    CTensor.eye(T, n, m = n)

The `n×m` identity (Julia size) of element type `T`.
"""
eye(T::_EltSpec, n::Integer, m::Integer = n) =
    _new(L.ct_eye, Int64(m), Int64(n), ct_dtype(T), _CPU, Int32(0))

"""`CTensor.seed!(n)`: seeds the default generator (`ct_manual_seed`)."""
seed!(n::Integer) = (check(L.ct_manual_seed(UInt64(n))); nothing)

"""
    Tensor(A::AbstractArray)

A new CPU tensor holding a **copy** of `A`, with `size(Tensor(A)) == size(A)`: the C shape is
`reverse(size(A))` and the bytes are `A`'s column-major bytes (so the C tensor is `A`'s
transpose, in 2-d). Element types as `CTensor.ct_dtype`. A 0-d array gives a 0-d tensor.
"""
function Tensor(A::Array{T}) where {T}
    dt = ct_dtype(T)
    s = _cshape(size(A))
    t = GC.@preserve A _new(L.ct_from_data, Ptr{Cvoid}(pointer(A)), dt, Int32(length(s)), s,
                            dt, _CPU, Int32(0))
    return t
end
Tensor(A::AbstractArray) = Tensor(collect(A))
Tensor(x::Number) = Tensor(fill(x))

"""`scalar_tensor(x)`: a 0-d tensor flagged as a wrapped number (promotes like a Python scalar)."""
function scalar_tensor(x::Number)
    ref, dt = _scalar(x)
    return _new(L.ct_scalar_tensor, ref, dt)
end

# ---- properties ---------------------------------------------------------------------------------

function Base.ndims(t::Tensor)
    n = Ref{Int32}(0)
    check(L.ct_tensor_ndim(n, t))
    return Int(n[])
end

"""The C shape (row-major order): `reverse(size(t))`."""
function cshape(t::Tensor)
    n = ndims(t)
    s = Vector{Int64}(undef, n)
    check(L.ct_tensor_shape(s, Int32(n), t))
    return s
end

"""The C strides (elements, C dim order)."""
function cstrides(t::Tensor)
    n = ndims(t)
    s = Vector{Int64}(undef, n)
    check(L.ct_tensor_strides(s, Int32(n), t))
    return s
end

Base.size(t::Tensor) = Tuple(Int.(reverse(cshape(t))))
Base.size(t::Tensor, d::Integer) = d <= ndims(t) ? size(t)[d] : 1
Base.axes(t::Tensor) = map(Base.OneTo, size(t))

function Base.length(t::Tensor)
    n = Ref{Int64}(0)
    check(L.ct_tensor_numel(n, t))
    return Int(n[])
end

"""`dtype(t)`: the C dtype code of `t` (`LibCTensor.CT_FLOAT32`, ...)."""
function dtype(t::Tensor)
    d = Ref{Int32}(0)
    check(L.ct_tensor_dtype(d, t))
    return d[]
end

Base.eltype(t::Tensor) = julia_type(dtype(t))

"""`device(t)`: `(device_type, index)` of the tensor (`CT_DEVICE_CPU` is 1)."""
function device(t::Tensor)
    ty = Ref{Int32}(0)
    ix = Ref{Int32}(0)
    check(L.ct_tensor_device(ty, ix, t))
    return (ty[], ix[])
end

function iscontiguous(t::Tensor)
    r = Ref{Bool}(false)
    check(L.ct_tensor_is_contiguous(r, t))
    return r[]
end

function data_ptr(t::Tensor)
    p = Ref{Ptr{Cvoid}}(C_NULL)
    check(L.ct_tensor_data_ptr(p, t))
    return p[]
end

"""`contiguous(t)`: `t` itself if C-contiguous (row-major), else a contiguous copy."""
contiguous(t::Tensor) = _new(L.ct_contiguous, t)

# ---- show ---------------------------------------------------------------------------------------

"""The C formatter's text of `t` (PyTorch's repr, C shape)."""
function format(t::Tensor)
    len = Ref{Csize_t}(0)
    check(L.ct_tensor_format(Ptr{Cchar}(C_NULL), Csize_t(0), len, t, ""))
    buf = Vector{UInt8}(undef, len[] + 1)
    GC.@preserve buf begin
        check(L.ct_tensor_format(Ptr{Cchar}(pointer(buf)), Csize_t(length(buf)), len, t, ""))
    end
    return String(buf[1:len[]])
end

Base.show(io::IO, t::Tensor) = print(io, format(t))
Base.show(io::IO, ::MIME"text/plain", t::Tensor) = print(io, format(t))

# ---- scalar indexing ----------------------------------------------------------------------------

# a 0-d view of the element at Julia index I (1-based, Julia dims)
function _element_view(t::Tensor, I::Tuple)
    sz = size(t)
    length(I) == length(sz) || throw(BoundsError(t, I))
    for (i, n) in zip(I, sz)
        1 <= i <= n || throw(BoundsError(t, I))
    end
    n = length(I)
    n == 0 && return t
    kinds = fill(L.CT_INDEX_INT, n)
    values = Int64[i - 1 for i in reverse(I)]
    tensors = fill(Ptr{L.ct_tensor}(C_NULL), n)   # no index tensors
    return _new(L.ct_index, t, Int32(n), kinds, values, tensors)
end

function _item(t::Tensor)
    T = eltype(t)
    R = T === BFloat16 ? Float32 : T
    v = Ref{R}()
    check(L.ct_tensor_item(v, ct_dtype(R), t))
    return v[]
end

"""
    t[i, j, ...]   t[]

One element as a Julia value (1-based, Julia dims: the C element `[..., j-1, i-1]`); `t[]`
for a 0-d or one-element tensor. bfloat16 elements come back as `Float32`.
"""
Base.getindex(t::Tensor, I::Integer...) = _item(_element_view(t, I))
function Base.getindex(t::Tensor)
    return _item(t)
end

"""`t[i, j, ...] = x`: writes one element (converted to `eltype(t)` by the C rules)."""
function Base.setindex!(t::Tensor, x::Number, I::Integer...)
    v = _element_view(t, I)
    check(L.ct_copy_(v, scalar_tensor(x)))
    return t
end

# ---- conversions --------------------------------------------------------------------------------

function _cpu(t::Tensor)
    device(t)[1] == _CPU && return t
    return _new(L.ct_to, t, L.CT_DTYPE_NONE, _CPU, Int32(0), false)
end

"""
    Array(t) / convert(Array, t)

A Julia `Array` holding a copy of `t` (any strides, any device), `size(Array(t)) == size(t)`.
"""
function Base.Array(t::Tensor)
    c = contiguous(_cpu(t))
    T = eltype(c)
    A = Array{T}(undef, size(c))
    n = length(A)
    if n > 0
        GC.@preserve c A begin
            unsafe_copyto!(pointer(A), Ptr{T}(data_ptr(c)), n)
        end
    end
    return A
end
Base.convert(::Type{Array}, t::Tensor) = Array(t)
Base.convert(::Type{Array{T}}, t::Tensor) where {T} = convert(Array{T}, Array(t))
Base.Array{T}(t::Tensor) where {T} = convert(Array{T}, Array(t))
Base.collect(t::Tensor) = Array(t)
Base.convert(::Type{Tensor}, A::AbstractArray) = Tensor(A)
Base.convert(::Type{Tensor}, t::Tensor) = t

"""
    unsafe_wrap(Array, t::Tensor) -> Array

A **zero-copy** Julia array over the memory of a CPU tensor, `size == size(t)` (C dims
reversed, as DLPack.jl): writes through it change the tensor and the other way round. The
array holds its own C reference to the tensor (released by the array's finalizer), so the
memory stays valid as long as the array is reachable, even once `t` is collected. Only for
C-contiguous (row-major) tensors: any other layout throws an `ArgumentError` (call
`contiguous(t)` first, which copies when needed, and wrap that). Do not write through the
array when the tensor is read-only (an imported read-only DLPack tensor).
"""
function Base.unsafe_wrap(::Type{Array}, t::Tensor)
    device(t)[1] == _CPU || throw(ArgumentError("unsafe_wrap: the tensor is not on the CPU"))
    iscontiguous(t) ||
        throw(ArgumentError("unsafe_wrap: the tensor is not contiguous (use contiguous(t))"))
    T = eltype(t)
    dims = size(t)
    p = data_ptr(t)
    if p == C_NULL   # no elements
        return Array{T}(undef, dims)
    end
    A = unsafe_wrap(Array, Ptr{T}(p), dims; own = false)
    keep = t.ptr
    check(L.ct_tensor_retain(keep))
    finalizer(_ -> L.ct_tensor_release(keep), A)
    return A
end

# ---- copy, similar, reshape, permutedims --------------------------------------------------------

Base.copy(t::Tensor) = _new(L.ct_clone, t)
Base.deepcopy(t::Tensor) = copy(t)

"""`similar(t[, T][, dims...])`: an uninitialised tensor like `t` (same device)."""
Base.similar(t::Tensor) = _new(L.ct_empty_like, t, L.CT_DTYPE_NONE, L.CT_DEVICE_NONE, Int32(-1))
Base.similar(t::Tensor, T::Type) = _new(L.ct_empty_like, t, ct_dtype(T), L.CT_DEVICE_NONE,
                                        Int32(-1))
function Base.similar(t::Tensor, T::Type, dims::Dims)
    s = _cshape(dims)
    return _new(L.ct_new_empty, t, Int32(length(s)), s, ct_dtype(T), L.CT_DEVICE_NONE, Int32(-1))
end
Base.similar(t::Tensor, T::Type, dims::Integer...) = similar(t, T, Dims(dims))
Base.similar(t::Tensor, dims::Dims) = similar(t, eltype(t), dims)

function Base.copyto!(dst::Tensor, src::Tensor)
    check(L.ct_copy_(dst, src))
    return dst
end
Base.copyto!(dst::Tensor, src::AbstractArray) = copyto!(dst, Tensor(src))
Base.fill!(t::Tensor, x::Number) = (check(L.ct_copy_(t, scalar_tensor(x))); t)

"""`reshape(t, dims...)`: Julia dims (a view when possible, as torch.reshape)."""
function Base.reshape(t::Tensor, dims::Integer...)
    s = _cshape(dims)
    return _new(L.ct_reshape, t, Int32(length(s)), s)
end
Base.reshape(t::Tensor, dims::Tuple{Vararg{Integer}}) = reshape(t, dims...)

"""`permutedims(t, perm)`: a view with Julia dims permuted (C: ct_permute)."""
function Base.permutedims(t::Tensor, perm)
    n = ndims(t)
    length(perm) == n || throw(ArgumentError("permutation of $(length(perm)) dims for $n"))
    cperm = Int64[n - perm[n - c] for c in 0:n-1]
    return _new(L.ct_permute, t, cperm, Int32(n))
end
"""`permutedims(t)` / `transpose(t)`: the transpose of a 2-d tensor, a view (C: ct_t)."""
Base.permutedims(t::Tensor) = _new(L.ct_t, t)
Base.transpose(t::Tensor) = _new(L.ct_t, t)
Base.adjoint(t::Tensor) = _new(L.ct_conj, _new(L.ct_t, t))

"""`dropdims(t; dims)`: `t` without the given size-1 Julia dims."""
function Base.dropdims(t::Tensor; dims)
    cd = Int64[_cdim(t, d) for d in dims]
    return _new(L.ct_squeeze_dims, t, cd, Int32(length(cd)))
end

# ---- arithmetic ---------------------------------------------------------------------------------

_add(a::Tensor, b::Tensor) = _new(L.ct_add, a, b, C_NULL, L.CT_DTYPE_NONE)
_sub(a::Tensor, b::Tensor) = _new(L.ct_sub, a, b, C_NULL, L.CT_DTYPE_NONE)
_mul(a::Tensor, b::Tensor) = _new(L.ct_mul, a, b)
_div(a::Tensor, b::Tensor) = _new(L.ct_div, a, b, L.CT_ROUNDING_NONE)
_pow(a::Tensor, b::Tensor) = _new(L.ct_pow, a, b)

function _add(a::Tensor, x::Number)
    ref, dt = _scalar(x)
    return _new(L.ct_add_scalar, a, ref, dt, C_NULL, L.CT_DTYPE_NONE)
end
function _sub(a::Tensor, x::Number)
    ref, dt = _scalar(x)
    return _new(L.ct_sub_scalar, a, ref, dt, C_NULL, L.CT_DTYPE_NONE)
end
function _mul(a::Tensor, x::Number)
    ref, dt = _scalar(x)
    return _new(L.ct_mul_scalar, a, ref, dt)
end
function _div(a::Tensor, x::Number)
    ref, dt = _scalar(x)
    return _new(L.ct_div_scalar, a, ref, dt, L.CT_ROUNDING_NONE)
end
function _pow(a::Tensor, x::Number)
    ref, dt = _scalar(x)
    return _new(L.ct_pow_scalar, a, ref, dt)
end
# scalar first: a wrapped-number 0-d tensor promotes as the scalar would
for f in (:_add, :_sub, :_mul, :_div, :_pow)
    @eval $f(x::Number, b::Tensor) = $f(scalar_tensor(x), b)
end

"""
`a + b`, `a - b` (tensors: elementwise, with the C library's broadcasting), `a + x`, `x * a`,
`a * x`, `a / x`, `-a` (a number `x`: elementwise).
"""
Base.:+(a::Tensor, b::Tensor) = _add(a, b)
Base.:+(a::Tensor, x::Number) = _add(a, x)
Base.:+(x::Number, a::Tensor) = _add(a, x)
Base.:-(a::Tensor, b::Tensor) = _sub(a, b)
Base.:-(a::Tensor, x::Number) = _sub(a, x)
Base.:-(x::Number, a::Tensor) = _sub(x, a)
Base.:-(a::Tensor) = _new(L.ct_neg, a)
Base.:*(a::Tensor, x::Number) = _mul(a, x)
Base.:*(x::Number, a::Tensor) = _mul(a, x)
Base.:/(a::Tensor, x::Number) = _div(a, x)

"""
    a * b   (two tensors)

The Julia matrix product for tensors of at most 2 (Julia) dims: matrix × matrix,
matrix × vector, with `Array(a * b) == Array(a) * Array(b)`. Under the layout convention this
is `ct_matmul(b, a)` in C (the C tensors are the transposes). Two vectors: an error, as in
Julia (use `matmul` for C's dot product). For C's own semantics (`torch.matmul` on the C
shapes, batched), call `matmul(a, b)`.
"""
function Base.:*(a::Tensor, b::Tensor)
    na, nb = ndims(a), ndims(b)
    (na <= 2 && nb <= 2) ||
        throw(ArgumentError("* is the matrix product of tensors of at most 2 dims; use matmul"))
    (na == 1 && nb == 1) &&
        throw(ArgumentError("* of two vectors is undefined (as in Julia); use matmul for dot"))
    return _new(L.ct_matmul, b, a)
end

"""
    matmul(a, b)

`torch.matmul(a, b)` of the tensors **as C sees them** (row-major, C shapes): `matmul(c,
permutedims(c))` is PyTorch's `c @ c.T`. For Julia's `A * B` use `*`.
"""
matmul(a::Tensor, b::Tensor) = _new(L.ct_matmul, a, b)

Base.:/(a::Tensor, b::Tensor) =
    throw(ArgumentError("/ of two tensors would be Julia's right division; use ./ for elementwise"))

Base.:(==)(a::Tensor, b::Tensor) = size(a) == size(b) && Array(a) == Array(b)

# ---- broadcasting -------------------------------------------------------------------------------

"""
The broadcast style of tensors: `a .+ b`, `a .* 2`, `exp.(a)`, `sin.(a .+ 1)`, `a .= 0`,
`a .+= 1` are evaluated by the C operators (one C call per operation of the expression), with
the C library's broadcasting (PyTorch's rules on the C shapes, i.e. Julia's rules on the
reversed dims: trailing C dims = leading Julia dims). Julia arrays in the expression are copied
to tensors; a function without a C operator throws an `ArgumentError`.
"""
struct TensorStyle <: BroadcastStyle end

Base.broadcastable(t::Tensor) = t
Broadcast.BroadcastStyle(::Type{Tensor}) = TensorStyle()
Broadcast.BroadcastStyle(s::TensorStyle, ::Broadcast.AbstractArrayStyle) = s
Broadcast.BroadcastStyle(s::TensorStyle, ::Broadcast.Style{Tuple}) = s
Broadcast.instantiate(bc::Broadcasted{TensorStyle}) = bc

Base.copy(bc::Broadcasted{TensorStyle}) = _as_tensor(_eval(bc))

_as_tensor(t::Tensor) = t
_as_tensor(x::Number) = Tensor(x)

_eval(bc::Broadcasted) = _apply(bc.f, map(_eval, bc.args)...)
_eval(t::Tensor) = t
_eval(x::Number) = x
_eval(r::Base.RefValue) = r[]
_eval(x::Val) = x
_eval(A::AbstractArray) = Tensor(A)
_eval(x) = throw(ArgumentError("CTensor cannot broadcast over a $(typeof(x))"))

_apply(f, xs::Number...) = f(xs...)
_apply(f, xs...) = throw(ArgumentError("no ctensor operator for $f over $(map(typeof, xs))"))

const _BINARY = (:+ => :_add, :- => :_sub, :* => :_mul, :/ => :_div, :^ => :_pow)
for (jf, cf) in _BINARY
    @eval begin
        _apply(::typeof($jf), a::Tensor, b::Tensor) = $cf(a, b)
        _apply(::typeof($jf), a::Tensor, b::Number) = $cf(a, b)
        _apply(::typeof($jf), a::Number, b::Tensor) = $cf(a, b)
    end
end

const _BINARY_C = (:max => :ct_maximum, :min => :ct_minimum, :(==) => :ct_eq, :(!=) => :ct_ne,
                   :< => :ct_lt, :<= => :ct_le, :> => :ct_gt, :>= => :ct_ge,
                   :atan => :ct_atan2, :hypot => :ct_hypot, :rem => :ct_fmod,
                   :mod => :ct_remainder, Symbol("&") => :ct_bitwise_and, Symbol("|") => :ct_bitwise_or,
                   :xor => :ct_bitwise_xor)
for (jf, cf) in _BINARY_C
    @eval begin
        _apply(::typeof($jf), a::Tensor, b::Tensor) = _new(L.$cf, a, b)
        _apply(::typeof($jf), a::Tensor, b::Number) = _new(L.$cf, a, scalar_tensor(b))
        _apply(::typeof($jf), a::Number, b::Tensor) = _new(L.$cf, scalar_tensor(a), b)
    end
end

const _UNARY = (:- => :ct_neg, :abs => :ct_abs, :sign => :ct_sign, :sqrt => :ct_sqrt,
                :exp => :ct_exp, :exp2 => :ct_exp2, :expm1 => :ct_expm1, :log => :ct_log,
                :log2 => :ct_log2, :log10 => :ct_log10, :log1p => :ct_log1p, :sin => :ct_sin,
                :cos => :ct_cos, :tan => :ct_tan, :asin => :ct_asin, :acos => :ct_acos,
                :atan => :ct_atan, :sinh => :ct_sinh, :cosh => :ct_cosh, :tanh => :ct_tanh,
                :asinh => :ct_asinh, :acosh => :ct_acosh, :atanh => :ct_atanh,
                :floor => :ct_floor, :ceil => :ct_ceil, :trunc => :ct_trunc,
                :isnan => :ct_isnan, :isinf => :ct_isinf, :isfinite => :ct_isfinite,
                :! => :ct_logical_not, :~ => :ct_bitwise_not, :conj => :ct_conj,
                :angle => :ct_angle, :real => :ct_real, :imag => :ct_imag,
                :inv => :ct_reciprocal, :identity => :ct_clone)
for (jf, cf) in _UNARY
    @eval _apply(::typeof($jf), a::Tensor) = _new(L.$cf, a)
end
_apply(::typeof(round), a::Tensor) = _new(L.ct_round, a, Int64(0))
_apply(::typeof(abs2), a::Tensor) = _mul(a, _new(L.ct_conj, a))
# x .^ 2 lowers to literal_pow(^, x, Val(2))
_apply(::typeof(Base.literal_pow), ::typeof(^), a::Tensor, ::Val{p}) where {p} = _pow(a, p)
_apply(::typeof(Base.literal_pow), ::typeof(^), a::Number, v::Val) = Base.literal_pow(^, a, v)

# dest .+= x, dest .-= x, dest .*= x, dest ./= x: the in-place C operators (ct_add_, ...),
# which fail (CTensorError) when the result's dtype cannot be stored in dest, as PyTorch
_inplace!(f, d::Tensor, x) = false
function _inplace!(::typeof(+), d::Tensor, x::Number)
    ref, dt = _scalar(x)
    check(L.ct_add_scalar_(d, ref, dt, C_NULL, L.CT_DTYPE_NONE))
    return true
end
function _inplace!(::typeof(-), d::Tensor, x::Number)
    ref, dt = _scalar(x)
    check(L.ct_sub_scalar_(d, ref, dt, C_NULL, L.CT_DTYPE_NONE))
    return true
end
function _inplace!(::typeof(*), d::Tensor, x::Number)
    ref, dt = _scalar(x)
    check(L.ct_mul_scalar_(d, ref, dt))
    return true
end
function _inplace!(::typeof(/), d::Tensor, x::Number)
    ref, dt = _scalar(x)
    check(L.ct_div_scalar_(d, ref, dt, L.CT_ROUNDING_NONE))
    return true
end
_inplace!(::typeof(+), d::Tensor, x::Tensor) =
    (check(L.ct_add_(d, x, C_NULL, L.CT_DTYPE_NONE)); true)
_inplace!(::typeof(-), d::Tensor, x::Tensor) =
    (check(L.ct_sub_(d, x, C_NULL, L.CT_DTYPE_NONE)); true)
_inplace!(::typeof(*), d::Tensor, x::Tensor) = (check(L.ct_mul_(d, x)); true)
_inplace!(::typeof(/), d::Tensor, x::Tensor) = (check(L.ct_div_(d, x, L.CT_ROUNDING_NONE)); true)

# dest .= expr: the expression evaluated, then copied into dest (ct_copy_: broadcast to dest's
# shape, converted to its dtype); dest .op= x for + - * / with a number or a tensor: in place
function Broadcast.materialize!(dest::Tensor, bc::Broadcasted)
    if length(bc.args) == 2 && bc.args[1] === dest
        x = _eval(bc.args[2])
        _inplace!(bc.f, dest, x) && return dest
        v = _apply(bc.f, dest, x)
    else
        v = _eval(bc)
    end
    if v isa Number
        fill!(dest, v)
    else
        copyto!(dest, v)
    end
    return dest
end
Base.copyto!(dest::Tensor, bc::Broadcasted) = Broadcast.materialize!(dest, bc)

# ---- reductions ---------------------------------------------------------------------------------

_cdims(t::Tensor, ::Colon) = Int64[]
_cdims(t::Tensor, d::Integer) = Int64[_cdim(t, d)]
_cdims(t::Tensor, ds) = Int64[_cdim(t, d) for d in ds]

"""
    sum(t), mean(t), maximum(t), minimum(t)              -> 0-d Tensor
    sum(t; dims), mean(t; dims), maximum(t; dims), ...   -> Tensor, reduced dims kept (size 1)

Reductions by the C library. Over everything they return a **0-d tensor** (as PyTorch, and
so that `show` prints `tensor(27.)`); `t[]` is its value. With `dims` (Julia dims, an integer
or a collection) the reduced dims are kept with size 1, as Julia's `sum(A; dims)`;
`dropdims(r; dims)` removes them. `sum` of integers gives Int64 (PyTorch's rule).
"""
Base.sum(t::Tensor; dims = :) = _new(L.ct_sum, t, _cdims(t, dims),
                                     Int32(length(_cdims(t, dims))), dims !== (:),
                                     L.CT_DTYPE_NONE)

"""`mean(t; dims = :)`: as `sum`, the mean."""
Statistics.mean(t::Tensor; dims = :) =
    _new(L.ct_mean, t, _cdims(t, dims), Int32(length(_cdims(t, dims))), dims !== (:),
         L.CT_DTYPE_NONE)

function Base.maximum(t::Tensor; dims = :)
    dims === (:) && return _new(L.ct_max, t)
    cd = _cdims(t, dims)
    return _new(L.ct_amax, t, cd, Int32(length(cd)), true)
end

function Base.minimum(t::Tensor; dims = :)
    dims === (:) && return _new(L.ct_min, t)
    cd = _cdims(t, dims)
    return _new(L.ct_amin, t, cd, Int32(length(cd)), true)
end

# ---- DLPack -------------------------------------------------------------------------------------

const _COPY_MODES = Dict{Symbol,Int32}(:if_needed => L.CT_DLPACK_COPY_IF_NEEDED,
                                       :always => L.CT_DLPACK_COPY_ALWAYS,
                                       :never => L.CT_DLPACK_COPY_NEVER)

_copy_mode(c::Symbol) = haskey(_COPY_MODES, c) ? _COPY_MODES[c] :
                        throw(ArgumentError("copy must be :if_needed, :always or :never"))
_copy_mode(c::Nothing) = L.CT_DLPACK_COPY_IF_NEEDED
_copy_mode(c::Bool) = c ? L.CT_DLPACK_COPY_ALWAYS : L.CT_DLPACK_COPY_NEVER

"""
    to_dlpack(t; copy = :if_needed) -> Ptr{DLManagedTensorVersioned}

Exports `t` as a DLPack 1.x versioned managed tensor sharing its memory (`copy = :always` or
`true`: a copy; `:never` or `false`: an error rather than a copy). The pointer is **owned by
the caller**: hand it to exactly one consumer (`from_dlpack`, another library), or free it
with `dlpack_free`. Its `dl_tensor` describes the C shape (row-major); see
`to_dlpack_legacy` for DLPack.jl.
"""
function to_dlpack(t::Tensor; copy = :if_needed)
    out = Ref{Ptr{L.DLManagedTensorVersioned}}(C_NULL)
    check(L.ct_to_dlpack_versioned(out, t, _copy_mode(copy), L.CT_DEVICE_NONE, Int32(-1)))
    return out[]
end

"""
    to_dlpack_legacy(t; copy = :if_needed) -> Ptr{DLManagedTensor}

As `to_dlpack`, as the legacy (pre-1.0) `DLManagedTensor` that DLPack.jl reads. Owned by the
caller (`dlpack_free`).
"""
function to_dlpack_legacy(t::Tensor; copy = :if_needed)
    out = Ref{Ptr{L.DLManagedTensor}}(C_NULL)
    check(L.ct_to_dlpack(out, t, _copy_mode(copy), L.CT_DEVICE_NONE, Int32(-1)))
    return out[]
end

# ---- CUDA ---------------------------------------------------------------------------------------
# Not exported: CTensor.cuda_is_available(), CTensor.cuda(t), ... Without the CUDA module, a
# driver or a GPU, cuda_is_available() is false, cuda_device_count() 0, and everything else
# throws a CTensorError(:backend_unavailable) whose message says why.

"""`cuda_is_available()`: whether CUDA can be used (module, driver and a GPU are present)."""
function cuda_is_available()
    r = Ref{Bool}(false)
    check(L.ct_cuda_is_available(r))
    return r[]
end

"""`cuda_device_count()`: the number of CUDA devices (0 without CUDA)."""
function cuda_device_count()
    n = Ref{Int32}(0)
    check(L.ct_cuda_device_count(n))
    return Int(n[])
end

"""`cuda_current_device()`: this thread's current CUDA device (0-based, as in C)."""
function cuda_current_device()
    d = Ref{Int32}(0)
    check(L.ct_cuda_current_device(d))
    return Int(d[])
end

"""`cuda_set_device(d)`: sets this thread's current CUDA device (0-based)."""
cuda_set_device(d::Integer) = check(L.ct_cuda_set_device(Int32(d)))

"""`cuda_synchronize(d = -1)`: waits for all work on a device (-1: the current one)."""
cuda_synchronize(d::Integer = -1) = check(L.ct_cuda_synchronize(Int32(d)))

"""`cuda(t, index = -1)`: `t` on a CUDA device (-1: the current one); `t` if it is there."""
function cuda(t::Tensor, index::Integer = -1)
    return _new(L.ct_to, t, L.CT_DTYPE_NONE, L.CT_DEVICE_CUDA, Int32(index), false)
end

"""`cpu(t)`: `t` in host memory (`t` itself when it is there already)."""
cpu(t::Tensor) = _cpu(t)

"""
    from_dlpack(p::Ptr{DLManagedTensorVersioned}) -> Tensor
    from_dlpack(p::Ptr{DLManagedTensor}) -> Tensor

A tensor viewing a DLPack managed tensor (versioned or legacy), zero-copy. The tensor **takes
`p` over**, also on failure (the C library has then already called its deleter): never use or
free `p` afterwards. The producer's deleter runs once, when the last view of the memory dies.
"""
from_dlpack(p::Ptr{L.DLManagedTensorVersioned}) = _new(L.ct_from_dlpack_versioned, p)
from_dlpack(p::Ptr{L.DLManagedTensor}) = _new(L.ct_from_dlpack, p)

"""
    dlpack_free(p)

Frees a managed tensor that no consumer took over: calls its deleter (if not NULL) once.
"""
function dlpack_free(p::Ptr{L.DLManagedTensorVersioned})
    p == C_NULL && return nothing
    deleter = unsafe_load(p).deleter
    deleter != C_NULL && ccall(deleter, Cvoid, (Ptr{L.DLManagedTensorVersioned},), p)
    return nothing
end
function dlpack_free(p::Ptr{L.DLManagedTensor})
    p == C_NULL && return nothing
    deleter = unsafe_load(p).deleter
    deleter != C_NULL && ccall(deleter, Cvoid, (Ptr{L.DLManagedTensor},), p)
    return nothing
end

end # module CTensor
