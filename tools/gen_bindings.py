#!/usr/bin/env python3
"""Generate the low-level language bindings of ctensor from its public headers.

The headers (include/ctensor/ctensor.h and everything it includes) are the
whole contract. This tool parses them with a real C parser and emits the
declarations each binding needs, so that no binding is written by hand:

    parse      cc -E with the small fake libc in tools/fake_libc, then
               pycparser; #define constants come from cc -dM -E (they are
               gone after preprocessing); doc comments from the header text.
    model      functions (parameters with names and types), structs, enums,
               constants, typedefs, each with its file, line and doc comment:
               a plain, JSON-able description of the C API (--model-json).
    emitters   one per language (EMITTERS); Python writes ctypes declarations.

Usage:
    python3 tools/gen_bindings.py --python bindings/python/ctensor/_capi.py
    python3 tools/gen_bindings.py --check        # regenerate in memory, diff
    python3 tools/gen_bindings.py --list-functions
    python3 tools/gen_bindings.py --model-json model.json

The output depends only on the headers: it is the same with pycparser 2.21
and 3.x, and with gcc or clang as the preprocessor.
"""

import argparse
import importlib
import difflib
import json
import os
import re
import shlex
import subprocess
import sys
import textwrap

try:
    from pycparser import c_ast, c_parser
except ImportError:  # pragma: no cover - reported to the user
    sys.stderr.write("gen_bindings.py: pycparser not found (Debian: python3-pycparser; "
                     "pip: pycparser)\n")
    sys.exit(3)

TOOLS_DIR = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SRCDIR = os.path.dirname(TOOLS_DIR)
ENTRY_HEADER = "include/ctensor/ctensor.h"
HEADER_DIR = "include/ctensor/"

# Names from the standard headers that the model keeps as themselves (the fake
# libc spells them for an LP64 target, but they mean the same everywhere).
STD_TYPEDEFS = (
    "int8_t", "int16_t", "int32_t", "int64_t",
    "uint8_t", "uint16_t", "uint32_t", "uint64_t",
    "intptr_t", "uintptr_t", "intmax_t", "uintmax_t",
    "size_t", "ptrdiff_t", "wchar_t",
)

# Canonical C scalar type names, from the sorted words of a type specifier.
_SCALAR_WORDS = {
    ("_Bool",): "bool",
    ("char",): "char",
    ("char", "signed"): "signed char",
    ("char", "unsigned"): "unsigned char",
    ("short",): "short", ("int", "short"): "short", ("short", "signed"): "short",
    ("int", "short", "signed"): "short",
    ("short", "unsigned"): "unsigned short", ("int", "short", "unsigned"): "unsigned short",
    ("int",): "int", ("signed",): "int", ("int", "signed"): "int",
    ("unsigned",): "unsigned int", ("int", "unsigned"): "unsigned int",
    ("long",): "long", ("int", "long"): "long", ("long", "signed"): "long",
    ("int", "long", "signed"): "long",
    ("long", "unsigned"): "unsigned long", ("int", "long", "unsigned"): "unsigned long",
    ("long", "long"): "long long", ("int", "long", "long"): "long long",
    ("long", "long", "signed"): "long long", ("int", "long", "long", "signed"): "long long",
    ("long", "long", "unsigned"): "unsigned long long",
    ("int", "long", "long", "unsigned"): "unsigned long long",
    ("float",): "float",
    ("double",): "double",
    ("double", "long"): "long double",
}

# Bit widths and signedness of the integer types, for casts in constants.
_INT_BITS = {
    "bool": (1, False), "char": (8, True), "signed char": (8, True), "unsigned char": (8, False),
    "short": (16, True), "unsigned short": (16, False), "int": (32, True),
    "unsigned int": (32, False), "long": (64, True), "unsigned long": (64, False),
    "long long": (64, True), "unsigned long long": (64, False),
    "int8_t": (8, True), "int16_t": (16, True), "int32_t": (32, True), "int64_t": (64, True),
    "uint8_t": (8, False), "uint16_t": (16, False), "uint32_t": (32, False),
    "uint64_t": (64, False), "intptr_t": (64, True), "uintptr_t": (64, False),
    "intmax_t": (64, True), "uintmax_t": (64, False), "size_t": (64, False),
    "ptrdiff_t": (64, True), "wchar_t": (32, True),
}


class GenError(Exception):
    """A header construct the generator cannot represent, with its location."""


# --------------------------------------------------------------------------------------------
# Parse
# --------------------------------------------------------------------------------------------

def _cc_command():
    return shlex.split(os.environ.get("CT_GEN_CC") or "cc")


def _cpp_args():
    # -undef: no compiler-specific macros, so the output is the same with any
    # compiler and CT_API/attributes take their plain branches; the -D's catch
    # GNU spellings a header might still use.
    return ["-undef", "-nostdinc", "-std=c11",
            "-I", os.path.join("tools", "fake_libc"), "-I", "include",
            "-D__attribute__(x)=", "-D__declspec(x)=", "-D__extension__=",
            "-D__restrict=", "-D__restrict__=", "-D__inline=", "-D__inline__=",
            "-D__asm__(x)=", "-DCT_GENERATING_BINDINGS=1"]


def _run_cc(srcdir, extra):
    cmd = _cc_command() + _cpp_args() + extra
    try:
        proc = subprocess.run(cmd, cwd=srcdir, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              universal_newlines=True)
    except OSError as exc:
        raise GenError("cannot run the preprocessor %r: %s" % (cmd[0], exc))
    if proc.returncode != 0:
        raise GenError("preprocessor failed: %s\n%s" % (" ".join(cmd), proc.stderr))
    return proc.stdout


def _norm_file(name):
    """Repository-relative path of a file named in a line marker."""
    name = name.replace("\\", "/")
    while name.startswith("./"):
        name = name[2:]
    return name


def _is_ours(coord):
    return coord is not None and _norm_file(coord.file).startswith(HEADER_DIR)


def _strip_doc(text):
    """The body of a /** ... */ comment without its markers and leading stars."""
    body = re.sub(r"^/\*[*!]?<?", "", text)
    body = re.sub(r"\*/$", "", body)
    lines = body.split("\n")
    out = []
    for line in lines:
        line = line.rstrip()
        m = re.match(r"^\s*\*(?!/)\s?(.*)$", line)
        out.append(m.group(1) if m else line.strip())
    while out and not out[0].strip():
        out.pop(0)
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(out)


class HeaderText(object):
    """The text of one header, with its comments located, to attach docs."""

    def __init__(self, path):
        with open(path) as f:
            self.text = f.read()
        self.line_starts = [0]
        for m in re.finditer("\n", self.text):
            self.line_starts.append(m.end())
        # (start offset, end offset, is_doc, text) of every block comment
        self.comments = []
        for m in re.finditer(r"/\*.*?\*/", self.text, re.S):
            txt = m.group(0)
            self.comments.append((m.start(), m.end(), bool(re.match(r"/\*[*!](?![*/])", txt)),
                                  txt))

    def offset(self, line):
        return self.line_starts[min(max(line, 1), len(self.line_starts)) - 1]

    def doc_before(self, line):
        """The doc comment right before the declaration that starts at or ends on `line`."""
        limit = self.offset(line)
        best = None
        for start, end, is_doc, txt in self.comments:
            if end <= limit:
                best = (start, end, is_doc, txt)
            else:
                break
        if best is None or best[3].startswith(("/**<", "/*!<")):
            return None
        if self.text[self.text.rfind("\n", 0, best[0]) + 1:best[0]].strip():
            return None  # a comment after code on its line belongs to that code
        between = self.text[best[1]:limit]
        if re.search(r"[;{}#]|\*/", between):
            return None
        # a plain /* */ comment counts only when nothing but the declaration
        # and no blank line separates it from the declaration
        if not best[2] and re.search(r"\n[ \t]*\n", between):
            return None
        return _strip_doc(best[3])

    def trailing_comment(self, line):
        """A comment after the code on `line` (an enumerator's or member's note)."""
        start = self.offset(line)
        end = self.text.find("\n", start)
        end = len(self.text) if end < 0 else end
        for cstart, cend, _is_doc, txt in self.comments:
            if start <= cstart < end and self.text[start:cstart].strip():
                return _strip_doc(txt)
        return None


def _type_words(names):
    return tuple(sorted(n for n in names if n not in ("const", "volatile")))


class Builder(object):
    """Builds the model from a pycparser AST of the preprocessed headers."""

    def __init__(self, srcdir):
        self.srcdir = srcdir
        self.headers = {}       # file -> HeaderText
        self.file_order = []    # our headers in include order
        self.functions = []
        self.structs = []       # in definition order
        self.struct_index = {}  # name -> struct dict
        self.enums = []
        self.constants = []
        self.typedefs = []
        self.typedef_index = {}
        self.enum_values = {}   # enumerator name -> value
        self.anon_structs = 0
        self.done_enums = set()

    # -- helpers ----------------------------------------------------------------------------
    def header(self, coord):
        name = _norm_file(coord.file)
        if name not in self.headers:
            self.headers[name] = HeaderText(os.path.join(self.srcdir, name))
            self.file_order.append(name)
        return self.headers[name]

    def where(self, coord):
        return "%s:%s" % (_norm_file(coord.file), coord.line) if coord else "?"

    def doc(self, coord, *more):
        for c in (coord,) + more:
            if c is not None and _is_ours(c):
                d = self.header(c).doc_before(c.line)
                if d:
                    return d
        return None

    # -- types ------------------------------------------------------------------------------
    def ctype(self, node, context):
        """Model of a type node (TypeDecl, PtrDecl, ArrayDecl, FuncDecl, Typename)."""
        if isinstance(node, c_ast.Typename):
            return self.ctype(node.type, context)
        if isinstance(node, c_ast.PtrDecl):
            t = {"kind": "pointer", "to": self.ctype(node.type, context)}
            if "const" in node.quals:
                t["const"] = True
            return t
        if isinstance(node, c_ast.ArrayDecl):
            size = None
            if node.dim is not None:
                size = self.evaluate(node.dim)
            return {"kind": "array", "of": self.ctype(node.type, context), "size": size}
        if isinstance(node, c_ast.FuncDecl):
            params, variadic = self.params(node.args, context)
            return {"kind": "function", "ret": self.ctype(node.type, context + " return"),
                    "params": params, "variadic": variadic}
        if isinstance(node, c_ast.TypeDecl):
            t = self.base_type(node.type, context)
            if "const" in node.quals:
                t = dict(t, const=True)
            return t
        raise GenError("%s: unsupported type node %s in %s"
                       % (self.where(node.coord), type(node).__name__, context))

    def base_type(self, node, context):
        if isinstance(node, c_ast.IdentifierType):
            words = _type_words(node.names)
            if words == ("void",):
                return {"kind": "void"}
            if words in _SCALAR_WORDS:
                return {"kind": "scalar", "name": _SCALAR_WORDS[words]}
            if len(words) == 1:
                name = words[0]
                if name in STD_TYPEDEFS:
                    return {"kind": "scalar", "name": name}
                if name in self.typedef_index:
                    return {"kind": "typedef", "name": name}
            raise GenError("%s: unknown type %s in %s"
                           % (self.where(node.coord), " ".join(node.names), context))
        if isinstance(node, (c_ast.Struct, c_ast.Union)):
            return {"kind": "struct", "name": self.struct(node, context),
                    "union": isinstance(node, c_ast.Union)}
        if isinstance(node, c_ast.Enum):
            return {"kind": "enum", "name": self.enum(node, context)}
        raise GenError("%s: unsupported type %s in %s"
                       % (self.where(node.coord), type(node).__name__, context))

    def params(self, param_list, context):
        params, variadic = [], False
        if param_list is None:
            return params, variadic
        for i, p in enumerate(param_list.params):
            if isinstance(p, c_ast.EllipsisParam):
                variadic = True
                continue
            t = self.ctype(p.type, "%s parameter %d" % (context, i + 1))
            if t["kind"] == "void" and len(param_list.params) == 1:
                return [], False
            if t["kind"] == "array":  # arrays and functions decay to pointers
                t = {"kind": "pointer", "to": t["of"]}
            elif self.resolve(t)["kind"] == "function":
                t = {"kind": "pointer", "to": t}
            params.append({"name": getattr(p, "name", None) or "arg%d" % i, "type": t})
        return params, variadic

    def resolve(self, t):
        while t["kind"] == "typedef" and self.typedef_index.get(t["name"]):
            t = self.typedef_index[t["name"]]["type"]
        return t

    # -- declarations -----------------------------------------------------------------------
    def struct(self, node, context, name_hint=None):
        name = node.name
        if name is None:
            if name_hint is None:
                self.anon_structs += 1
                name_hint = "anonymous_%d" % self.anon_structs
            name = name_hint
        existing = self.struct_index.get(name)
        if node.decls is None:  # a reference or a forward declaration
            if existing is None:
                existing = {"name": name, "union": isinstance(node, c_ast.Union),
                            "opaque": True, "fields": None, "doc": None,
                            "file": _norm_file(node.coord.file) if node.coord else None,
                            "line": node.coord.line if node.coord else None}
                self.struct_index[name] = existing
                self.structs.append(existing)
            return name
        if existing is not None and not existing["opaque"]:
            return name  # the same definition seen again through a typedef
        s = existing or {"name": name}
        s.update({"union": isinstance(node, c_ast.Union), "opaque": False, "fields": [],
                  "doc": s.get("doc") or self.doc(node.coord),
                  "file": _norm_file(node.coord.file), "line": node.coord.line})
        if existing is None:
            self.struct_index[name] = s
        else:
            self.structs.remove(existing)  # keep definition order, not first mention
        for d in node.decls:
            if d.bitsize is not None:
                raise GenError("%s: bit-field %s in struct %s"
                               % (self.where(d.coord), d.name, name))
            inner = d.type
            hint = "%s_%s" % (name, d.name)
            while isinstance(inner, (c_ast.PtrDecl, c_ast.ArrayDecl)):
                inner = inner.type
            if isinstance(inner, c_ast.TypeDecl) and isinstance(inner.type, (c_ast.Struct,
                                                                            c_ast.Union)) \
                    and inner.type.name is None and inner.type.decls is not None:
                self.struct(inner.type, context, name_hint=hint)
                inner.type.name = hint
            t = self.ctype(d.type, "struct %s member %s" % (name, d.name))
            field = {"name": d.name, "type": t}
            fdoc = self.doc(d.coord)
            if fdoc is None and _is_ours(d.coord):
                fdoc = self.header(d.coord).trailing_comment(d.coord.line)
            if fdoc:
                field["doc"] = fdoc
            s["fields"].append(field)
        self.structs.append(s)
        return name

    def enum(self, node, context, name_hint=None):
        name = node.name or name_hint
        if node.values is None or id(node) in self.done_enums:
            return name
        self.done_enums.add(id(node))
        e = {"name": name, "values": [], "doc": self.doc(node.coord),
             "file": _norm_file(node.coord.file), "line": node.coord.line}
        value = -1
        for ev in node.values.enumerators:
            value = self.evaluate(ev.value) if ev.value is not None else value + 1
            self.enum_values[ev.name] = value
            item = {"name": ev.name, "value": value}
            if _is_ours(ev.coord):
                note = self.header(ev.coord).trailing_comment(ev.coord.line)
                if note:
                    item["doc"] = note
            e["values"].append(item)
            self.constants.append({"name": ev.name, "value": value, "source": "enum",
                                   "enum": name, "file": e["file"], "line": ev.coord.line,
                                   "doc": item.get("doc")})
        self.enums.append(e)
        return name

    def typedef(self, node):
        inner = node.type
        if isinstance(inner, c_ast.TypeDecl):
            base = inner.type
            if isinstance(base, (c_ast.Struct, c_ast.Union)) and base.name is None:
                base.name = node.name  # typedef struct { ... } Name;
            if isinstance(base, c_ast.Enum) and base.name is None and base.values is not None:
                self.enum(base, "typedef " + node.name, name_hint=node.name)
                base.name = node.name
        t = self.ctype(node.type, "typedef " + node.name)
        td = {"name": node.name, "type": t,
              "doc": self.doc(node.coord, getattr(getattr(node.type, "type", None),
                                                  "coord", None)),
              "file": _norm_file(node.coord.file), "line": node.coord.line}
        if t["kind"] == "struct" and t["name"] in self.struct_index and \
                not self.struct_index[t["name"]].get("doc"):
            self.struct_index[t["name"]]["doc"] = td["doc"]
        self.typedef_index[node.name] = td
        self.typedefs.append(td)

    def function(self, decl):
        ftype = decl.type
        params, variadic = self.params(ftype.args, decl.name)
        ret = self.ctype(ftype.type, decl.name + " return")
        self.functions.append({"name": decl.name, "ret": ret, "params": params,
                               "variadic": variadic, "doc": self.doc(decl.coord),
                               "file": _norm_file(decl.coord.file), "line": decl.coord.line})

    def build(self, ast):
        for node in ast.ext:
            if not _is_ours(node.coord):
                if isinstance(node, c_ast.Typedef) and node.name not in STD_TYPEDEFS:
                    # a typedef of the fake libc that the model does not know
                    self.typedef_index.setdefault(node.name, None)
                continue
            self.header(node.coord)
            if isinstance(node, c_ast.Typedef):
                self.typedef(node)
            elif isinstance(node, c_ast.Decl):
                if isinstance(node.type, c_ast.FuncDecl):
                    if "static" in node.storage or "inline" in node.funcspec:
                        continue
                    self.function(node)
                elif isinstance(node.type, (c_ast.Struct, c_ast.Union)):
                    self.struct(node.type, "declaration")
                elif isinstance(node.type, c_ast.Enum):
                    self.enum(node.type, "declaration")
                elif "extern" in node.storage:
                    raise GenError("%s: exported variable %s is not supported"
                                   % (self.where(node.coord), node.name))
            # _Static_assert and empty declarations carry nothing for bindings

    # -- constant expressions ---------------------------------------------------------------
    def evaluate(self, node):
        """Value of an integer (or floating, or string) constant expression."""
        if isinstance(node, c_ast.Constant):
            return _literal(node.type, node.value)
        if isinstance(node, c_ast.ID):
            if node.name in self.enum_values:
                return self.enum_values[node.name]
            raise GenError("%s: unknown name %s in a constant" % (self.where(node.coord),
                                                                 node.name))
        if isinstance(node, c_ast.UnaryOp):
            v = self.evaluate(node.expr)
            ops = {"-": lambda x: -x, "+": lambda x: x, "~": lambda x: ~x,
                   "!": lambda x: int(not x)}
            if node.op in ops:
                return ops[node.op](v)
            raise GenError("%s: operator %s in a constant" % (self.where(node.coord), node.op))
        if isinstance(node, c_ast.BinaryOp):
            a, b = self.evaluate(node.left), self.evaluate(node.right)
            op = node.op
            if op == "/":
                if isinstance(a, int) and isinstance(b, int):
                    q = abs(a) // abs(b)
                    return q if (a >= 0) == (b >= 0) else -q
                return a / b
            if op == "%":
                return a - b * int(a / b) if isinstance(a, int) else a % b
            table = {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b,
                     "<<": lambda: a << b, ">>": lambda: a >> b, "&": lambda: a & b,
                     "|": lambda: a | b, "^": lambda: a ^ b, "==": lambda: int(a == b),
                     "!=": lambda: int(a != b), "<": lambda: int(a < b),
                     ">": lambda: int(a > b), "<=": lambda: int(a <= b),
                     ">=": lambda: int(a >= b), "&&": lambda: int(bool(a and b)),
                     "||": lambda: int(bool(a or b))}
            if op in table:
                return table[op]()
            raise GenError("%s: operator %s in a constant" % (self.where(node.coord), op))
        if isinstance(node, c_ast.TernaryOp):
            return self.evaluate(node.iftrue if self.evaluate(node.cond) else node.iffalse)
        if isinstance(node, c_ast.Cast):
            v = self.evaluate(node.expr)
            t = self.ctype(node.to_type, "cast")
            while t["kind"] == "typedef" and self.typedef_index.get(t["name"]):
                t = self.typedef_index[t["name"]]["type"]
            if t["kind"] == "scalar" and t["name"] in _INT_BITS:
                bits, signed = _INT_BITS[t["name"]]
                v = int(v)
                if bits == 1:
                    return int(bool(v))
                v &= (1 << bits) - 1
                if signed and v >> (bits - 1):
                    v -= 1 << bits
                return v
            if t["kind"] == "scalar" and t["name"] in ("float", "double", "long double"):
                return float(v)
            raise GenError("%s: cast to a non-arithmetic type in a constant"
                           % self.where(node.coord))
        raise GenError("%s: %s in a constant expression"
                       % (self.where(getattr(node, "coord", None)), type(node).__name__))


def _literal(kind, text):
    if kind == "string":
        return _unescape(text[1:-1])
    if kind == "char":
        s = _unescape(text[1:-1])
        if len(s) != 1:
            raise GenError("multi-character constant %s" % text)
        return ord(s)
    if kind in ("float", "double", "long double"):
        return float(text.rstrip("fFlL"))
    t = text.rstrip("uUlL")
    if re.match(r"^0[xX]", t):
        return int(t, 16)
    if re.match(r"^0[bB]", t):
        return int(t[2:], 2)
    if len(t) > 1 and t.startswith("0"):
        return int(t, 8)
    try:
        return int(t)
    except ValueError:
        return float(t.rstrip("fF"))


def _unescape(s):
    simple = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", "'": "'", '"': '"',
              "a": "\a", "b": "\b", "f": "\f", "v": "\v", "?": "?"}
    return re.sub(r"\\(x[0-9a-fA-F]+|[0-7]{1,3}|.)",
                  lambda m: (chr(int(m.group(1)[1:], 16)) if m.group(1)[0] == "x" else
                             chr(int(m.group(1), 8)) if m.group(1)[0] in "01234567" else
                             simple.get(m.group(1), m.group(1))), s)


# Object-like macros worth exporting: the project's prefixes, not private ones.
_MACRO_NAME = re.compile(r"^(CT_(?!_)|DLPACK_|DL|kDL)[A-Za-z0-9_]*$")
_DEFINE_LINE = re.compile(r"^[ \t]*#[ \t]*define[ \t]+([A-Za-z_][A-Za-z0-9_]*)(?![A-Za-z0-9_(])",
                          re.M)
_TOKEN = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|[A-Za-z_][A-Za-z0-9_]*'
                    r'|\.?[0-9](?:[eEpP][+-]|[A-Za-z0-9_.])*|\S')


def _collect_macros(builder, srcdir, parser):
    """#define NAME value constants of our headers, evaluated; others are noted as skipped."""
    defined = {}
    for line in _run_cc(srcdir, ["-dM", "-E", ENTRY_HEADER]).splitlines():
        m = re.match(r"^#define ([A-Za-z_][A-Za-z0-9_]*)(\(.*?\))?(?: (.*))?$", line)
        if m:
            defined[m.group(1)] = (m.group(2) is not None, (m.group(3) or "").strip())
    prelude = "".join("typedef int %s;\n" % n for n in STD_TYPEDEFS)
    prelude += "".join("typedef int %s;\n" % n for n in sorted(builder.typedef_index))
    skipped = []
    for fname in list(builder.file_order):
        text = builder.headers[fname].text.replace("\\\n", "  ")
        for m in _DEFINE_LINE.finditer(text):
            name = m.group(1)
            if not _MACRO_NAME.match(name) or name not in defined or defined[name][0]:
                continue
            body = defined[name][1]
            line = text.count("\n", 0, m.start()) + 1
            if not body:
                continue  # include guards and empty switches
            try:
                expr = _expand(body, defined, {name})
                ast = parser.parse(prelude + "int ct__gen_value = (%s);\n" % expr,
                                   "<macro %s>" % name)
                value = builder.evaluate(ast.ext[-1].init)
            except Exception as exc:  # not a constant: an attribute, a type, ...
                skipped.append({"name": name, "body": body, "file": fname, "line": line,
                                "why": str(exc).split("\n")[0]})
                continue
            if any(c["name"] == name for c in builder.constants):
                continue
            builder.constants.append({"name": name, "value": value, "source": "define",
                                      "enum": None, "file": fname, "line": line,
                                      "doc": builder.headers[fname].doc_before(line)})
    return skipped


def _expand(body, defined, active):
    """body with its object-like macros replaced (recursively), the rest kept as written."""
    def sub(m):
        tok = m.group(0)
        if tok not in defined or tok in active:
            return tok
        is_fn, text = defined[tok]
        if is_fn:
            raise GenError("function-like macro %s" % tok)
        return "(%s)" % _expand(text, defined, active | {tok})
    return _TOKEN.sub(sub, body)


def build_model(srcdir):
    """Parses the headers under srcdir and returns the model (a dict of plain data)."""
    text = _run_cc(srcdir, ["-E", ENTRY_HEADER])
    parser = c_parser.CParser()
    try:
        ast = parser.parse(text, ENTRY_HEADER)
    except Exception as exc:
        raise GenError("C parse error: %s" % exc)
    builder = Builder(srcdir)
    # every header in include order, also those that hold only #defines
    for m in re.finditer(r'^#(?:line)? \d+ "([^"]*)"', text, re.M):
        name = _norm_file(m.group(1))
        if name.startswith(HEADER_DIR) and name not in builder.headers:
            builder.headers[name] = HeaderText(os.path.join(srcdir, name))
            builder.file_order.append(name)
    builder.build(ast)
    skipped = _collect_macros(builder, srcdir, parser)
    order = {f: i for i, f in enumerate(builder.file_order)}
    constants = sorted(builder.constants, key=lambda c: (order[c["file"]], c["line"]))
    seen = set()
    for c in constants:
        if c["name"] in seen:
            raise GenError("%s:%s: constant %s defined twice" % (c["file"], c["line"], c["name"]))
        seen.add(c["name"])
    names = [f["name"] for f in builder.functions]
    if len(set(names)) != len(names):
        raise GenError("a function is declared twice")
    return {
        "headers": builder.file_order,
        "functions": builder.functions,
        "structs": builder.structs,
        "enums": builder.enums,
        "constants": constants,
        "typedefs": builder.typedefs,
        "skipped_macros": skipped,
    }


# --------------------------------------------------------------------------------------------
# Emitters
# --------------------------------------------------------------------------------------------

EMITTERS = {}


def emitter(lang, default_path):
    """Registers an emitter: a function(model) -> text, and where its output lives."""
    def register(fn):
        EMITTERS[lang] = (fn, default_path)
        return fn
    return register


_PY_SCALARS = {
    "bool": "c_bool", "char": "c_char", "signed char": "c_int8", "unsigned char": "c_uint8",
    "short": "c_short", "unsigned short": "c_ushort", "int": "c_int",
    "unsigned int": "c_uint", "long": "c_long", "unsigned long": "c_ulong",
    "long long": "c_longlong", "unsigned long long": "c_ulonglong", "float": "c_float",
    "double": "c_double", "long double": "c_longdouble",
    "int8_t": "c_int8", "int16_t": "c_int16", "int32_t": "c_int32", "int64_t": "c_int64",
    "uint8_t": "c_uint8", "uint16_t": "c_uint16", "uint32_t": "c_uint32",
    "uint64_t": "c_uint64", "intptr_t": "c_ssize_t", "uintptr_t": "c_size_t",
    "intmax_t": "c_int64", "uintmax_t": "c_uint64", "size_t": "c_size_t",
    "ptrdiff_t": "c_ssize_t", "wchar_t": "c_wchar",
}

# Functions called with the GIL held (through a ctypes.PyDLL); in them, a parameter
# "void *py_<name>" is a borrowed PyObject * (ctypes.py_object).
PYDLL_PREFIX = "ct_dlpack_py_"


class PythonTypes(object):
    """Maps model types to ctypes expressions (the calling convention of DESIGN.md)."""

    def __init__(self, model):
        self.typedefs = {t["name"]: t for t in model["typedefs"]}
        self.structs = {s["name"]: s for s in model["structs"]}
        self.used = set()
        self.hoisted = {}  # id of a function type -> the name it was emitted under

    def resolve(self, t):
        while t["kind"] == "typedef":
            t = self.typedefs[t["name"]]["type"]
        return t

    def name(self, n):
        self.used.add(n)
        return n

    def expr(self, t, where):
        kind = t["kind"]
        if kind == "void":
            return "None"
        if kind == "scalar":
            return self.name(_PY_SCALARS[t["name"]])
        if kind == "enum":
            return self.name("c_int")
        if kind == "typedef":
            target = self.resolve(t)
            if target["kind"] == "pointer" and self.resolve(target["to"])["kind"] == "function":
                return t["name"]  # a CFUNCTYPE emitted under the typedef's name
            if target["kind"] == "function":
                raise GenError("%s: a function type used by value" % where)
            return self.expr(target, where)
        if kind == "struct":
            s = self.structs[t["name"]]
            if s["opaque"]:
                raise GenError("%s: opaque struct %s used by value" % (where, t["name"]))
            return t["name"]
        if kind == "array":
            if t["size"] is None:
                raise GenError("%s: array without a size" % where)
            return "%s * %d" % (self.expr(t["of"], where), t["size"])
        if kind == "function":
            return self.cfunctype(t, where)
        if kind == "pointer":
            return self.pointer(t, where)
        raise GenError("%s: cannot map type kind %s" % (where, kind))

    def pointer(self, t, where):
        to = t["to"]
        if to["kind"] == "typedef":
            name = to["name"]
            if name == "PyObject":
                return self.name("py_object")
            target = self.resolve(to)
            if target["kind"] == "function":
                return name  # pointer to a function typedef: that typedef's CFUNCTYPE
        target = self.resolve(to)
        if target["kind"] == "void":
            return self.name("c_void_p")
        if target["kind"] == "scalar" and target["name"] == "char":
            return self.name("c_char_p")
        if target["kind"] == "struct":
            if target["name"] == "_object":
                return self.name("py_object")
            if self.structs[target["name"]]["opaque"]:
                return self.name("c_void_p")  # handles: ct_tensor *, ct_generator *
            return "%s(%s)" % (self.name("POINTER"), target["name"])
        if target["kind"] == "function":
            return self.cfunctype(target, where)
        return "%s(%s)" % (self.name("POINTER"), self.expr(to, where))

    def cfunctype_parts(self, t, where):
        """restype and argtypes of a function type, as CFUNCTYPE's arguments."""
        if t.get("variadic"):
            raise GenError("%s: variadic function pointer" % where)
        self.name("CFUNCTYPE")
        parts = [self.expr(t["ret"], where + " return")]
        parts += [self.param(p["type"], "%s parameter %s" % (where, p["name"]))
                  for p in t["params"]]
        return parts

    def cfunctype(self, t, where):
        return "CFUNCTYPE(%s)" % ", ".join(self.cfunctype_parts(t, where))

    def param(self, t, where):
        r = self.resolve(t)
        if r["kind"] == "struct":
            raise GenError("%s: struct passed by value" % where)
        return self.expr(t, where)


def _py_wrap(head, items, tail, indent, width=99):
    """head + ", ".join(items) + tail on one line, or when too long with the items on
    continuation lines (each starting with indent), filled up to width."""
    one = head + ", ".join(items) + tail
    if len(one) <= width:
        return [one]
    lines, cur = [head.rstrip()], indent
    for i, item in enumerate(items):
        piece = item + ("," if i < len(items) - 1 else tail)
        if cur != indent and len(cur) + 1 + len(piece) > width:
            lines.append(cur)
            cur = indent
        cur += piece if cur == indent else " " + piece
    lines.append(cur)
    return lines


def _py_visual(args, width=99):
    """The argtypes tuple of a long _SIGNATURES entry, on lines of its own."""
    lines, cur = [], "     ("
    for i, a in enumerate(args):
        piece = a + (", " if i < len(args) - 1 else ")),")
        if cur != "     (" and len(cur) + len(piece.rstrip()) > width:
            lines.append(cur.rstrip())
            cur = "      "
        cur += piece
    lines.append(cur)
    return lines


def _py_rule(title):
    return ("# ---- %s " % title).ljust(99, "-")


def _py_doc_comment(doc, indent=""):
    if not doc:
        return []
    first = doc.strip().split("\n\n")[0].replace("\n", " ")
    first = re.sub(r"\s+", " ", first)
    if len(first) > 90:
        first = first[:87].rstrip() + "..."
    return ["%s# %s" % (indent, first)]


@emitter("python", "bindings/python/ctensor/_capi.py")
def emit_python(model):
    """ctypes declarations: constants, types, FUNCTIONS and bind(lib, pylib)."""
    types = PythonTypes(model)
    body = []

    # constants, grouped by header in include order
    body.append("")
    body.append(_py_rule("constants and enum values"))
    current = None
    for c in model["constants"]:
        if c["file"] != current:
            current = c["file"]
            body.append("")
            body.append("# %s" % current[len("include/"):])
        body.append("%s = %r" % (c["name"], c["value"]))
    named = {}
    for c in model["constants"]:
        if c.get("enum"):
            named.setdefault(c["enum"], []).append(c["name"])
    if named:
        body.append("")
        body.append("# The members of each named enum, in declaration order.")
        body.append("ENUMS = {")
        for name, members in named.items():
            body.extend(_py_wrap('    "%s": (' % name, ['"%s"' % m for m in members], "),",
                                 "        "))
        body.append("}")

    # types: struct classes first, so that pointers and callbacks may name any of them
    structs = [s for s in model["structs"] if not s["opaque"]]
    body.append("")
    body.append("")
    body.append(_py_rule("types"))
    for td in model["typedefs"]:
        r = types.resolve(td["type"])
        if r["kind"] in ("scalar", "enum"):
            body.append("%s = %s" % (td["name"], types.expr(r, td["name"])))
    for s in structs:
        base = types.name("Union" if s["union"] else "Structure")
        body.extend(["", ""])
        body.append("class %s(%s):" % (s["name"], base))
        body.extend(_py_docstring(s, "union" if s["union"] else "struct"))
    if structs:
        body.append("")
    aliases = [td for td in model["typedefs"] if td["type"]["kind"] == "struct"
               and td["type"]["name"] != td["name"]
               and not types.structs[td["type"]["name"]]["opaque"]]
    if aliases:
        body.append("")
    for td in aliases:
        body.append("%s = %s" % (td["name"], td["type"]["name"]))
    # a typedef of a function pointer, or of a function type (then used through
    # pointers to it), is the CFUNCTYPE of that function
    callbacks = [td for td in model["typedefs"] if td["type"]["kind"] == "function"
                 or td["type"]["kind"] == "pointer"
                 and types.resolve(td["type"]["to"])["kind"] == "function"]
    if callbacks:
        body.append("")
        body.append("# function pointer types")
    for td in callbacks:
        body.extend(_py_doc_comment(td["doc"]))
        t = td["type"]
        fn = types.cfunctype_parts(t if t["kind"] == "function" else types.resolve(t["to"]),
                                   td["name"])
        body.extend(_py_wrap("%s = CFUNCTYPE(" % td["name"], fn, ")", "    "))
    for s in structs:
        body.append("")
        fields = []
        for f in s["fields"]:
            t = f["type"]
            where = "%s.%s" % (s["name"], f["name"])
            if t["kind"] == "pointer" and types.resolve(t["to"])["kind"] == "function" and \
                    t["to"]["kind"] != "typedef":
                hoisted = "%s_%s" % (s["name"], f["name"])
                body.extend(_py_doc_comment(f.get("doc")))
                fn = types.cfunctype_parts(types.resolve(t["to"]), where)
                body.extend(_py_wrap("%s = CFUNCTYPE(" % hoisted, fn, ")", "    "))
                fields.append((f["name"], hoisted))
            else:
                fields.append((f["name"], types.expr(t, where)))
        body.append("%s._fields_ = [" % s["name"])
        for fname, fexpr in fields:
            body.append("    (%r, %s)," % (fname, fexpr))
        body.append("]")

    # functions
    body.append("")
    body.append("")
    body.append(_py_rule("functions"))
    body.append("# (name, restype, argtypes) of every exported function, in header order.")
    body.append("_SIGNATURES = (")
    for f in model["functions"]:
        if f["variadic"]:
            raise GenError("%s:%s: variadic function %s" % (f["file"], f["line"], f["name"]))
        ret = types.expr(f["ret"], f["name"] + " return")
        if types.resolve(f["ret"])["kind"] == "struct":
            raise GenError("%s: struct returned by value" % f["name"])
        args = [types.param(p["type"], "%s parameter %s" % (f["name"], p["name"]))
                for p in f["params"]]
        if f["name"].startswith(PYDLL_PREFIX):
            # libctensor does not include Python.h: a borrowed PyObject * is declared
            # "void *py_<name>" in these functions and passed as the object itself
            args = [types.name("py_object")
                    if p["name"].startswith("py_") and p["type"]["kind"] == "pointer"
                    and types.resolve(p["type"]["to"])["kind"] == "void" else a
                    for p, a in zip(f["params"], args)]
            # and one that returns "void *" returns a new reference (NULL: exception set)
            if (f["ret"]["kind"] == "pointer"
                    and types.resolve(f["ret"]["to"])["kind"] == "void"):
                ret = types.name("py_object")
        argtuple = "(%s)" % (", ".join(args) + ("," if len(args) == 1 else ""))
        line = '    ("%s", %s, %s),' % (f["name"], ret, argtuple)
        if len(line) <= 99:
            body.append(line)
        else:
            body.append('    ("%s", %s,' % (f["name"], ret))
            body.extend(_py_visual(args))
    body.append(")")
    body.append("")
    body.append("FUNCTIONS = tuple(_s[0] for _s in _SIGNATURES)")
    body.append("")
    body.append("")
    body.append("def bind(lib, pylib):")
    body.append('    """Sets restype and argtypes of every function: those named %s* on'
                % PYDLL_PREFIX)
    body.append("    pylib (a ctypes.PyDLL: the GIL stays held), all others on lib (a "
                "ctypes.CDLL).")
    body.append("    Returns the names the library does not export (a library older than these")
    body.append("    declarations), which are left unbound.")
    body.append('    """')
    body.append("    missing = []")
    body.append("    for name, restype, argtypes in _SIGNATURES:")
    body.append("        try:")
    body.append('            f = getattr(pylib if name.startswith("%s") else lib, name)'
                % PYDLL_PREFIX)
    body.append("        except AttributeError:")
    body.append("            missing.append(name)")
    body.append("            continue")
    body.append("        f.restype = restype")
    body.append("        f.argtypes = argtypes")
    body.append("    return tuple(missing)")

    imports = sorted(types.used)
    head = [
        "# GENERATED by tools/gen_bindings.py; do not edit.",
        "# Regenerate with: python3 tools/gen_bindings.py --python "
        "bindings/python/ctensor/_capi.py",
        '"""Low-level ctypes declarations of the ctensor C API, generated from',
        "include/ctensor/*.h: every constant and enum value, struct, callback type and",
        'exported function (argtypes and restype, set on a loaded library by bind())."""',
        "",
    ]
    head.extend(_py_wrap("from ctypes import (", imports, ")", "    "))
    return "\n".join(head + body) + "\n"


def _py_docstring(s, what):
    """The docstring lines of a struct's class: its doc's first paragraph, wrapped."""
    text = "C %s %s." % (what, s["name"])
    if s.get("doc"):
        text = re.sub(r"\s+", " ", s["doc"].strip().split("\n\n")[0])
        text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
        if not text.endswith("."):
            text += "."
    lines = textwrap.wrap(text, width=96, initial_indent='    """', subsequent_indent="    ",
                          break_long_words=False, break_on_hyphens=False)
    if len(lines[-1]) + 3 <= 99:
        lines[-1] += '"""'
    else:
        lines.append('    """')
    return lines


# --------------------------------------------------------------------------------------------
# Command line
# Emitters of other languages live in sibling modules (tools/gen_bindings_<lang>.py), each
# with a function register(emitter) that registers its emitter with the decorator above.
_EMITTER_MODULES = ("gen_bindings_rust", "gen_bindings_julia")


def _load_emitter_modules():
    here = os.path.dirname(os.path.abspath(__file__))
    if here not in sys.path:
        sys.path.insert(0, here)
    for name in _EMITTER_MODULES:
        if os.path.exists(os.path.join(here, name + ".py")):
            importlib.import_module(name).register(emitter)


# --------------------------------------------------------------------------------------------

def main(argv=None):
    _load_emitter_modules()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--srcdir", default=os.environ.get("CT_TOP_SRCDIR") or DEFAULT_SRCDIR,
                    help="the source tree (default: this script's parent directory)")
    for lang, (_fn, default) in sorted(EMITTERS.items()):
        ap.add_argument("--" + lang, nargs="?", const=default, metavar="PATH",
                        help="write the %s bindings to PATH (default: %s in the source tree)"
                        % (lang, default))
    ap.add_argument("--check", action="store_true",
                    help="regenerate in memory and exit 1 with a diff if a committed file "
                         "differs (every language unless some are named)")
    ap.add_argument("--list-functions", action="store_true",
                    help="print the model's function names, one a line")
    ap.add_argument("--model-json", metavar="PATH", help="write the model as JSON ('-': stdout)")
    args = ap.parse_args(argv)

    targets = [(lang, getattr(args, lang)) for lang in sorted(EMITTERS)
               if getattr(args, lang)]
    if args.check and not targets:
        targets = [(lang, EMITTERS[lang][1]) for lang in sorted(EMITTERS)]
    if not (targets or args.list_functions or args.model_json):
        ap.error("nothing to do: name an output (--python), --check, --list-functions "
                 "or --model-json")
    try:
        model = build_model(os.path.abspath(args.srcdir))
        outputs = [(lang, path, EMITTERS[lang][0](model)) for lang, path in targets]
    except GenError as exc:
        sys.stderr.write("gen_bindings.py: %s\n" % exc)
        return 2
    if args.list_functions:
        sys.stdout.write("".join(f["name"] + "\n" for f in model["functions"]))
    if args.model_json:
        text = json.dumps(model, indent=1, sort_keys=True) + "\n"
        if args.model_json == "-":
            sys.stdout.write(text)
        else:
            with open(args.model_json, "w") as f:
                f.write(text)
    status = 0
    for lang, path, text in outputs:
        # a language's default path is in the source tree; other paths are as given
        full = os.path.join(args.srcdir, path) if path == EMITTERS[lang][1] else path
        if args.check:
            try:
                with open(full) as f:
                    old = f.read()
            except OSError:
                old = ""
            if old != text:
                status = 1
                sys.stdout.writelines(difflib.unified_diff(
                    old.splitlines(True), text.splitlines(True),
                    "%s (committed)" % path, "%s (regenerated)" % path))
                sys.stderr.write("gen_bindings.py: %s is out of date: run python3 "
                                 "tools/gen_bindings.py --%s %s\n" % (path, lang, path))
        else:
            d = os.path.dirname(full)
            if d:
                os.makedirs(d, exist_ok=True)
            with open(full, "w") as f:
                f.write(text)
    return status


if __name__ == "__main__":
    sys.exit(main())
