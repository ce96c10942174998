"""Every operator of the ctensor C library, as torch spells it.

Each operator is a function (``ctensor.add(a, b, alpha=2)``), a Tensor method
(``a.add(b)``), an in-place method where the C library has one (``a.add_(b)``)
and, for the arithmetic, bitwise and comparison operators, a Python operator
(``a + b``, ``1 - a``, ``a += b``, ``a == b``, ``a @ b``, ``-a``, ``abs(a)``,
``~a``). The functions live in the _ops_* modules, one per C header area:

- _ops_elementwise: elementwise.h, made from a table of the C ops;
- _ops_view: view.h and structure.h;
- _ops_reduce: reduce.h;
- _ops_linalg: linalg.h and promotion.h;
- _ops_index: index.h's functions (t[...] itself is in _tensor.py).

This module gathers them: ``__all__`` names the public functions, and
``_install(Tensor)`` adds the methods, properties and operators to the class.
"""

from . import _ops_elementwise, _ops_index, _ops_linalg, _ops_reduce, _ops_view
from ._ops_reduce import return_types

_MODULES = (_ops_elementwise, _ops_view, _ops_reduce, _ops_linalg, _ops_index)


def _functions():
    functions = {}
    for module in _MODULES:
        functions.update(module.FUNCTIONS)
        functions.update(getattr(module, "FUNCTIONS_ONLY", {}))
    return functions


def _methods():
    """name -> function for every Tensor method this module provides."""
    methods = {}
    for module in _MODULES:
        methods.update(module.FUNCTIONS)
        methods.update(module.METHODS)
    # Methods whose argument order differs from the function's.
    methods["where"] = _ops_elementwise._where_method
    return methods


FUNCTIONS = _functions()
METHODS = _methods()
globals().update(FUNCTIONS)
__all__ = sorted(FUNCTIONS) + ["return_types"]


def _install(Tensor):
    """Adds the operator methods, in-place methods, properties and Python
    operators to the Tensor class. Properties the class already defines
    (T, mT, ...) are left alone."""
    for name, fn in METHODS.items():
        setattr(Tensor, name, fn)
    for name, prop in _ops_view.PROPERTIES.items():
        if name not in Tensor.__dict__:
            setattr(Tensor, name, prop)
    for name, fn in _ops_elementwise.operators().items():
        setattr(Tensor, name, fn)
    if Tensor.__hash__ is None:  # __eq__ returns a tensor; hash by identity, as torch
        Tensor.__hash__ = object.__hash__
