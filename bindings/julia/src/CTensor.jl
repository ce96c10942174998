"""
CTensor: tensors of the ctensor C library for Julia.

For now only the generated low level, `CTensor.LibCTensor` (`@ccall` wrappers of
every exported C function); the tensor type is to come.
"""
module CTensor

include("LibCTensor.jl")
using .LibCTensor

end # module CTensor
