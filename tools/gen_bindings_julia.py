"""Julia emitter of tools/gen_bindings.py: bindings/julia/src/LibCTensor.jl.

LibCTensor is the low level of the CTensor package, in the style of the modules
Clang.jl generates: type aliases for the C typedefs, `mutable struct T end` for
opaque handles, `struct`s with the C fields in order for the DLPack structs,
`const` constants, and one function per C function whose body is a single
`@ccall`, with the C doc comment as its docstring.

Loaded by gen_bindings.py (its _EMITTER_MODULES), which calls register(emitter).
The output depends only on the model, so it is the same with any pycparser.

Type mapping (also what tests/julia-syntax.py checks the @ccall lines against):
    int32_t Int32, int64_t Int64, uint8_t UInt8, ... (exact-width types),
    int Cint, long Clong, char Cchar, float Cfloat, double Cdouble, bool Bool,
    size_t Csize_t, ptrdiff_t Cptrdiff_t, intptr_t Int, uintptr_t UInt,
    void Cvoid, a typedef or a struct by its name, an enum type by its name
    (an alias of Cuint, or Cint when it has negative values: what gcc uses),
    a function pointer Ptr{Cvoid}, an array of N T NTuple{N, T},
    `const char *` (parameter or return) Cstring, any other T * Ptr{T}.
"""

import re
import sys

OUTPUT = "bindings/julia/src/LibCTensor.jl"

_SCALARS = {
    "bool": "Bool", "char": "Cchar", "signed char": "Int8", "unsigned char": "UInt8",
    "short": "Cshort", "unsigned short": "Cushort", "int": "Cint", "unsigned int": "Cuint",
    "long": "Clong", "unsigned long": "Culong", "long long": "Clonglong",
    "unsigned long long": "Culonglong", "float": "Cfloat", "double": "Cdouble",
    "int8_t": "Int8", "int16_t": "Int16", "int32_t": "Int32", "int64_t": "Int64",
    "uint8_t": "UInt8", "uint16_t": "UInt16", "uint32_t": "UInt32", "uint64_t": "UInt64",
    "intptr_t": "Int", "uintptr_t": "UInt", "intmax_t": "Cintmax_t",
    "uintmax_t": "Cuintmax_t", "size_t": "Csize_t", "ptrdiff_t": "Cptrdiff_t",
    "wchar_t": "Cwchar_t",
}

# Reserved words of Julia (and contextual ones, to be safe) and names a parameter must not
# shadow in a wrapper's body; a C parameter with one of these names gets a "_" appended.
JULIA_RESERVED = frozenset("""
    abstract baremodule begin break catch const continue do else elseif end export false
    finally for function global if import in isa let local macro module mutable outer
    primitive public quote return struct true try type using where while as
    nothing missing Inf NaN pi im ccall cglobal Core Base Main Ptr Ref Cvoid Cstring
    C_NULL var
""".split())

_KEYWORDS = frozenset("""
    abstract baremodule begin break catch const continue do else elseif end export false
    finally for function global if import in isa let local macro module mutable outer
    primitive public quote return struct true try type using where while as
""".split())


class GenError(Exception):
    """Replaced by gen_bindings.py's GenError in register(), so that it reports ours."""


_GEN_ERROR = [GenError]


def _gen_error():
    return _GEN_ERROR[0]


class JuliaTypes(object):
    """Maps model types to Julia type expressions (see the module docstring)."""

    def __init__(self, model):
        self.typedefs = {t["name"]: t for t in model["typedefs"]}
        self.structs = {s["name"]: s for s in model["structs"]}
        self.enums = {e["name"]: e for e in model["enums"] if e["name"]}

    def resolve(self, t):
        while t["kind"] == "typedef":
            t = self.typedefs[t["name"]]["type"]
        return t

    def enum_base(self, name):
        e = self.enums.get(name)
        if e and any(v["value"] < 0 for v in e["values"]):
            return "Cint"
        return "Cuint"

    def expr(self, t, where, top=False, defined=None):
        """The Julia type of t. top: a parameter's or return's own type (where
        `const char *` is Cstring). defined: in a struct field, the struct names usable
        (a pointer to any other struct becomes Ptr{Cvoid})."""
        kind = t["kind"]
        if kind == "void":
            return "Cvoid"
        if kind == "scalar":
            if t["name"] not in _SCALARS:
                raise _gen_error()("%s: no Julia type for C %s" % (where, t["name"]))
            return _SCALARS[t["name"]]
        if kind == "enum":
            return t["name"] if t["name"] in self.enums else "Cuint"
        if kind == "typedef":
            target = self.resolve(t)
            if target["kind"] == "function":
                raise _gen_error()("%s: a function type used by value" % where)
            if defined is not None and target["kind"] == "struct" and \
                    not self.structs[target["name"]]["opaque"] and t["name"] not in defined:
                raise _gen_error()("%s: struct %s used before its definition" % (where, t["name"]))
            return t["name"]
        if kind == "struct":
            return t["name"]
        if kind == "array":
            if t["size"] is None:
                raise _gen_error()("%s: array without a size" % where)
            return "NTuple{%d, %s}" % (t["size"], self.expr(t["of"], where, defined=defined))
        if kind == "function":
            return "Ptr{Cvoid}"
        if kind == "pointer":
            to = t["to"]
            target = self.resolve(to)
            if target["kind"] == "function":
                return "Ptr{Cvoid}"
            if top and to["kind"] == "scalar" and to["name"] == "char" and to.get("const"):
                return "Cstring"
            if defined is not None and target["kind"] == "struct" and \
                    target["name"] not in defined:
                return "Ptr{Cvoid}"  # a struct not yet defined (Julia has no forward types)
            return "Ptr{%s}" % self.expr(to, where, defined=defined)
        raise _gen_error()("%s: cannot map type kind %s" % (where, kind))


def _docstring(doc, signature=None):
    """A Julia docstring (triple-quoted) holding doc; $ and \\ escaped, and quotes where
    they would end the string."""
    text = (doc or "").strip("\n")
    text = text.replace("\\", "\\\\").replace("$", "\\$")
    text = re.sub(r'"(?="|$)', '\\\\"', text)
    lines = ['"""']
    if signature:
        lines.append("    " + signature)
        if text:
            lines.append("")
    if text:
        lines.extend(line.rstrip() for line in text.split("\n"))
    lines.append('"""')
    return lines


def _rule(title):
    return ("# ---- %s " % title).ljust(99, "-")


def param_names(function, taken):
    """The Julia names of a C function's parameters: reserved words and names of the module
    (types, constants, libctensor) get "_" appended; duplicates get a number."""
    names = []
    for i, p in enumerate(function["params"]):
        name = p["name"] or "arg%d" % i
        while name in JULIA_RESERVED or name in taken or name in names:
            name += "_"
        names.append(name)
    return names


def _anon_enum_types(model, types):
    """For each anonymous enum (by its line), the integer typedef it goes with: the typedef
    declared right before it in the same header, with no other declaration in between."""
    decls = []
    for kind in ("functions", "typedefs", "structs", "enums"):
        for d in model[kind]:
            if d.get("file") and d.get("line"):
                decls.append((d["file"], d["line"], kind, d))
    decls.sort(key=lambda x: (x[0], x[1], x[2]))
    out = {}
    for i, (fname, line, kind, d) in enumerate(decls):
        if kind != "enums" or d["name"] or i == 0:
            continue
        pf, _pl, pkind, pd = decls[i - 1]
        if pf == fname and pkind == "typedefs":
            r = types.resolve(pd["type"])
            if r["kind"] == "scalar" and r["name"] in _SCALARS and r["name"] not in (
                    "bool", "float", "double"):
                out[(fname, line)] = pd["name"]
    return out


def emit_julia(model):
    types = JuliaTypes(model)
    out = [
        "# GENERATED by tools/gen_bindings.py; do not edit.",
        "# Regenerate with: python3 tools/gen_bindings.py --julia",
        "",
    ]
    out.extend(_docstring(
        "Low-level bindings of the ctensor C API, generated from include/ctensor/*.h: every\n"
        "constant, type and exported function, as `@ccall` wrappers that take and return\n"
        "C values (handles are `Ptr{ct_tensor}`; statuses are `ct_status`). The CTensor\n"
        "package builds its Julia API on this module.\n"
        "\n"
        "The library is `libctensor.so.0`, found by the system loader (LD_LIBRARY_PATH,\n"
        "the ld.so cache). To use another build, set the environment variable\n"
        "CTENSOR_LIBRARY to the path of its libctensor.so.0 before the module loads: it\n"
        "is opened first, and every call then finds it under its SONAME."))
    out.append("module LibCTensor")
    out.append("")
    out.append("using Libdl")
    out.append("")
    out.append('"""The SONAME of the ctensor library; `@ccall`s name the library by it."""')
    out.append('const libctensor = "libctensor.so.0"')
    out.append("")
    out.append('"""The handle of the library opened from `ENV["CTENSOR_LIBRARY"]`, if set."""')
    out.append("const libctensor_handle = Ref{Ptr{Cvoid}}(C_NULL)")
    out.append("")
    out.append("function __init__()")
    out.append('    path = get(ENV, "CTENSOR_LIBRARY", "")')
    out.append("    if !isempty(path)")
    out.append("        # loaded first, this copy answers every lookup of its SONAME")
    out.append("        libctensor_handle[] = Libdl.dlopen(path, Libdl.RTLD_NOW | Libdl.RTLD_GLOBAL)")
    out.append("    end")
    out.append("    return nothing")
    out.append("end")

    taken = {"libctensor", "libctensor_handle", "Libdl"}

    # -- types: enum bases, typedefs of scalars and function pointers, opaque handles
    out.append("")
    out.append(_rule("types"))
    typedef_names = {td["name"] for td in model["typedefs"]}
    for e in model["enums"]:
        if e["name"] and e["name"] not in typedef_names:
            out.append("")
            out.extend(_docstring(e.get("doc")) if e.get("doc") else [])
            out.append("const %s = %s" % (e["name"], types.enum_base(e["name"])))
            taken.add(e["name"])
    for td in model["typedefs"]:
        t = td["type"]
        r = types.resolve(t)
        if t["kind"] == "struct":
            continue  # with the structs below
        if t["kind"] == "enum":
            rhs = types.enum_base(t["name"]) if t["name"] == td["name"] else t["name"]
        elif r["kind"] == "function" or (r["kind"] == "pointer" and
                                         types.resolve(r["to"])["kind"] == "function"):
            rhs = "Ptr{Cvoid}"  # a function pointer type
        else:
            rhs = types.expr(t, "typedef " + td["name"])
        out.append("")
        if td.get("doc"):
            out.extend(_docstring(td["doc"]))
        out.append("const %s = %s" % (td["name"], rhs))
        taken.add(td["name"])

    struct_typedefs = {}
    for td in model["typedefs"]:
        if td["type"]["kind"] == "struct":
            struct_typedefs.setdefault(td["type"]["name"], []).append(td)
    defined = set()
    for s in model["structs"]:
        if not s["opaque"]:
            continue
        out.append("")
        if s.get("doc"):
            out.extend(_docstring(s["doc"]))
        out.append("mutable struct %s end" % s["name"])
        defined.add(s["name"])
        taken.add(s["name"])
        for td in struct_typedefs.get(s["name"], []):
            if td["name"] != s["name"]:
                out.append("const %s = %s" % (td["name"], s["name"]))
                defined.add(td["name"])
                taken.add(td["name"])

    # -- structs with their fields, in definition order (C defines a member's type first)
    structs = [s for s in model["structs"] if not s["opaque"]]
    if structs:
        out.append("")
        out.append(_rule("structs"))
    for s in structs:
        if s["union"]:
            raise _gen_error()("%s:%s: union %s has no Julia mapping here"
                               % (s["file"], s["line"], s["name"]))
        out.append("")
        if s.get("doc"):
            out.extend(_docstring(s["doc"]))
        out.append("struct %s" % s["name"])
        usable = defined | {s["name"]}
        for f in s["fields"]:
            jt = types.expr(f["type"], "%s.%s" % (s["name"], f["name"]), defined=usable)
            note = f.get("doc")
            fname = f["name"]
            while fname in _KEYWORDS:  # a field may shadow a function, not a keyword
                fname += "_"
            line = "    %s::%s" % (fname, jt)
            if note:
                note = re.sub(r"\s+", " ", note.strip())
                line += "  # " + note
            out.append(line)
        out.append("end")
        defined.add(s["name"])
        taken.add(s["name"])
        for td in struct_typedefs.get(s["name"], []):
            if td["name"] != s["name"]:
                out.append("const %s = %s" % (td["name"], s["name"]))
                defined.add(td["name"])
                taken.add(td["name"])

    # -- constants
    enum_types = _anon_enum_types(model, types)
    anon_enums = {}
    for e in model["enums"]:
        if not e["name"]:
            for v in e["values"]:
                anon_enums[v["name"]] = enum_types.get((e["file"], e["line"]))
    out.append("")
    out.append(_rule("constants"))
    current = None
    for c in model["constants"]:
        if c["file"] != current:
            current = c["file"]
            out.append("")
            out.append("# %s" % current[len("include/"):])
        value = c["value"]
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise _gen_error()("%s:%s: constant %s of unsupported kind"
                               % (c["file"], c["line"], c["name"]))
        if isinstance(value, str):
            rhs = '"%s"' % value.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$")
        elif isinstance(value, float):
            rhs = repr(value) if value == value and abs(value) != float("inf") else (
                "NaN" if value != value else ("Inf" if value > 0 else "-Inf"))
        elif c.get("enum"):
            rhs = "%s(%d)" % (c["enum"], value)
        elif c["source"] == "enum":
            rhs = "%s(%d)" % (anon_enums.get(c["name"]) or "Cint", value)
        else:
            # an integer #define has C's type of its value: int when it fits, else long long
            rhs = "Cint(%d)" % value if -2 ** 31 <= value < 2 ** 31 else (
                "Clonglong(%d)" % value if value < 2 ** 63 else "Culonglong(%d)" % value)
        if c.get("doc"):
            doc = re.sub(r"\s+", " ", c["doc"].strip())
            out.append("const %s = %s  # %s" % (c["name"], rhs, doc))
        else:
            out.append("const %s = %s" % (c["name"], rhs))
        taken.add(c["name"])

    # -- functions
    out.append("")
    out.append(_rule("functions"))
    for f in model["functions"]:
        taken.add(f["name"])
    for f in model["functions"]:
        where = "%s:%s: %s" % (f["file"], f["line"], f["name"])
        if f["variadic"]:
            raise _gen_error()("%s: variadic function" % where)
        names = param_names(f, taken)
        args = ["%s::%s" % (n, types.expr(p["type"], "%s parameter %s" % (where, p["name"]),
                                          top=True))
                for n, p in zip(names, f["params"])]
        ret = types.expr(f["ret"], where + " return", top=True)
        out.append("")
        out.extend(_docstring(f.get("doc"), "%s(%s) -> %s" % (f["name"], ", ".join(names),
                                                               ret)))
        out.append("function %s(%s)" % (f["name"], ", ".join(names)))
        call = "    @ccall libctensor.%s(%s)::%s" % (f["name"], ", ".join(args), ret)
        if len(call) <= 99:
            out.append(call)
        else:
            out.append("    @ccall libctensor.%s(" % f["name"])
            for i, a in enumerate(args):
                out.append("        %s%s" % (a, "," if i < len(args) - 1 else ""))
            out.append("    )::%s" % ret)
        out.append("end")

    out.append("")
    out.append("end # module LibCTensor")
    return "\n".join(out) + "\n"


def register(emitter):
    """Called by gen_bindings.py with its emitter decorator."""
    owner = sys.modules.get(getattr(emitter, "__module__", ""), None)
    if owner is not None and hasattr(owner, "GenError"):
        _GEN_ERROR[0] = owner.GenError
    emitter("julia", OUTPUT)(emit_julia)
