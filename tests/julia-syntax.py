#!/usr/bin/env python3
"""Syntax and signature check of the Julia binding, without Julia (TAP on stdout).

1. Every .jl file under bindings/julia (generated and hand-written) and
   examples/julia is parsed
   with the tree-sitter Julia grammar; any ERROR or MISSING node fails the file,
   named as file:line:column.
2. The @ccall wrappers of the generated bindings/julia/src/LibCTensor.jl are
   checked against the header model of tools/gen_bindings.py (--model-json):
   every C function has exactly one wrapper `function NAME(params)` whose body is
   `@ccall libctensor.NAME(param::T, ...)::R`, with the C parameters' count and
   order, and T and R the Julia types of the C types (mapping below, written
   independently of the generator's).
3. Every constant of the model is defined (`const NAME = ...`) with its value,
   and every struct with its fields in order.

Usage: julia-syntax.py [--srcdir DIR] [--model-json FILE]
(without --model-json, the model comes from running tools/gen_bindings.py with
this Python). Exit status 0 when all pass, 1 otherwise, 77 when the parser is
missing.
"""

import argparse
import json
import os
import re
import subprocess
import sys

try:
    import tree_sitter
    import tree_sitter_julia
except ImportError as exc:  # reported by the .sh as a skip
    sys.stdout.write("1..0 # SKIP tree-sitter Julia grammar not importable (%s)\n" % exc)
    sys.exit(77)

GENERATED = "bindings/julia/src/LibCTensor.jl"

SCALARS = {
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

# The Julia types of C types of the same size and kind: a typedef's name and its target
# are the same type in Julia (const aliases), so the comparison is on the resolved type.
JULIA_ALIASES = {"Cint": "Int32", "Cuint": "UInt32", "Clong": "Int64", "Culong": "UInt64",
                 "Clonglong": "Int64", "Culonglong": "UInt64", "Cshort": "Int16",
                 "Cushort": "UInt16", "Cchar": "Int8", "Csize_t": "UInt64",
                 "Cptrdiff_t": "Int64", "Int": "Int64", "UInt": "UInt64",
                 "Cintmax_t": "Int64", "Cuintmax_t": "UInt64", "Cwchar_t": "Int32",
                 "Cfloat": "Float32", "Cdouble": "Float64"}

JULIA_KEYWORDS = frozenset("""
    abstract baremodule begin break catch const continue do else elseif end export false
    finally for function global if import in isa let local macro module mutable outer
    primitive public quote return struct true try type using where while as
""".split())


def make_parser():
    lang = tree_sitter.Language(tree_sitter_julia.language())
    try:
        return tree_sitter.Parser(lang)
    except TypeError:  # py-tree-sitter < 0.22
        p = tree_sitter.Parser()
        p.set_language(lang)
        return p


def syntax_errors(parser, data):
    """(line, column, what) of every ERROR or MISSING node of the parse of data."""
    tree = parser.parse(data)
    errors = []
    if not tree.root_node.has_error:
        return errors
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.is_missing:
            errors.append((node.start_point[0] + 1, node.start_point[1] + 1,
                           "MISSING %s" % node.type))
        elif node.type == "ERROR" or node.is_error:
            text = data[node.start_byte:node.end_byte].decode("utf-8", "replace")
            errors.append((node.start_point[0] + 1, node.start_point[1] + 1,
                           "ERROR at %r" % text.split("\n")[0][:60]))
        if node.has_error:
            stack.extend(reversed(node.children))
    return sorted(errors)


def walk(node):
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(reversed(n.children))


def split_top(text, sep=","):
    """text split on sep outside brackets."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        parts.append(cur.strip())
    return parts


class Types(object):
    def __init__(self, model):
        self.typedefs = {t["name"]: t for t in model["typedefs"]}
        self.structs = {s["name"]: s for s in model["structs"]}
        self.enums = {e["name"]: e for e in model["enums"] if e["name"]}

    def resolve(self, t):
        while t["kind"] == "typedef":
            t = self.typedefs[t["name"]]["type"]
        return t

    def julia(self, t, top):
        """The canonical Julia type of a C parameter or return type (aliases resolved)."""
        r = self.resolve(t)
        kind = r["kind"]
        if kind == "void":
            return "Cvoid"
        if kind == "scalar":
            j = SCALARS[r["name"]]
            return JULIA_ALIASES.get(j, j)
        if kind == "enum":
            e = self.enums.get(r["name"])
            return "Int32" if e and any(v["value"] < 0 for v in e["values"]) else "UInt32"
        if kind == "struct":
            return r["name"]
        if kind == "function":
            return "Ptr{Cvoid}"
        if kind == "pointer":
            to = r["to"]
            if self.resolve(to)["kind"] == "function":
                return "Ptr{Cvoid}"
            if top and to["kind"] == "scalar" and to["name"] == "char" and to.get("const"):
                return "Cstring"
            return "Ptr{%s}" % self.julia(to, False)
        raise ValueError("unknown type kind %s" % kind)


class JuliaAliases(object):
    """`const A = B` lines of the generated file: resolves a Julia type expression."""

    def __init__(self, text):
        self.alias = {}
        for m in re.finditer(r"^const (\w+) = ([A-Za-z_][\w{}, ]*)$", text, re.M):
            self.alias[m.group(1)] = m.group(2).strip()

    def canon(self, expr):
        expr = expr.strip()
        m = re.match(r"^(\w+)\{(.*)\}$", expr)
        if m:
            return "%s{%s}" % (m.group(1), ", ".join(self.canon(a)
                                                     for a in split_top(m.group(2))))
        seen = set()
        while expr in self.alias and expr not in seen:
            seen.add(expr)
            expr = self.alias[expr]
        return JULIA_ALIASES.get(expr, expr)


def check_ccalls(data, tree, model):
    """Problems of the generated wrappers, compared with the model's functions."""
    text = data.decode("utf-8")
    types = Types(model)
    aliases = JuliaAliases(text)
    problems = []
    found = {}
    for node in walk(tree.root_node):
        if node.type != "function_definition":
            continue
        src = data[node.start_byte:node.end_byte].decode("utf-8")
        line = node.start_point[0] + 1
        m = re.match(r"function\s+(\w+)\((.*?)\)\s*\n(.*)\nend$", src, re.S)
        if not m:
            continue
        name, params = m.group(1), split_top(m.group(2))
        calls = [n for n in walk(node) if n.type == "macrocall_expression"
                 and data[n.start_byte:n.end_byte].startswith(b"@ccall")]
        if len(calls) != 1:
            if name.startswith("ct_"):
                problems.append("%s:%d: %s has %d @ccall" % (GENERATED, line, name, len(calls)))
            continue
        call = re.sub(r"\s+", " ", data[calls[0].start_byte:calls[0].end_byte].decode("utf-8"))
        cm = re.match(r"^@ccall libctensor\.(\w+)\((.*)\)::(.+)$", call)
        if not cm:
            problems.append("%s:%d: %s: unexpected @ccall form: %s" % (GENERATED, line, name,
                                                                      call[:80]))
            continue
        if cm.group(1) != name:
            problems.append("%s:%d: function %s calls %s" % (GENERATED, line, name,
                                                            cm.group(1)))
        args = []
        for a in split_top(cm.group(2)):
            am = re.match(r"^(\w+)::(.+)$", a)
            if not am:
                problems.append("%s:%d: %s: untyped @ccall argument %r" % (GENERATED, line,
                                                                           name, a))
                continue
            args.append((am.group(1), am.group(2)))
        if [a[0] for a in args] != params:
            problems.append("%s:%d: %s: @ccall arguments %s are not its parameters %s"
                            % (GENERATED, line, name, [a[0] for a in args], params))
        found.setdefault(cm.group(1), []).append((line, args, cm.group(3)))
    for f in model["functions"]:
        name = f["name"]
        hits = found.pop(name, [])
        if len(hits) != 1:
            problems.append("%s: %s has %d @ccall wrappers (want 1)"
                            % (GENERATED, name, len(hits)))
            continue
        line, args, ret = hits[0]
        if len(args) != len(f["params"]):
            problems.append("%s:%d: %s takes %d arguments, the C function %d"
                            % (GENERATED, line, name, len(args), len(f["params"])))
            continue
        for i, ((aname, atype), p) in enumerate(zip(args, f["params"])):
            want = types.julia(p["type"], True)
            got = aliases.canon(atype)
            if got != want:
                problems.append("%s:%d: %s argument %d (%s): %s, want %s"
                                % (GENERATED, line, name, i + 1, p["name"], atype, want))
        want = types.julia(f["ret"], True)
        if aliases.canon(ret) != want:
            problems.append("%s:%d: %s returns %s, want %s" % (GENERATED, line, name, ret,
                                                              want))
    for name, hits in sorted(found.items()):
        problems.append("%s:%d: @ccall of %s, which the headers do not declare"
                        % (GENERATED, hits[0][0], name))
    return problems


def check_constants_structs(text, model):
    problems = []
    consts = {}
    for m in re.finditer(r"^const (\w+) = (?:(\w+)\()?(-?[0-9][0-9.eE+-]*)\)?", text, re.M):
        consts[m.group(1)] = m.group(3)
    for c in model["constants"]:
        v = c["value"]
        if isinstance(v, str):
            if not re.search(r"^const %s = \"" % re.escape(c["name"]), text, re.M):
                problems.append("%s: constant %s missing" % (GENERATED, c["name"]))
            continue
        got = consts.get(c["name"])
        if got is None:
            problems.append("%s: constant %s missing" % (GENERATED, c["name"]))
        elif float(got) != float(v):
            problems.append("%s: constant %s = %s, want %r" % (GENERATED, c["name"], got, v))
    for s in model["structs"]:
        if s["opaque"]:
            if not re.search(r"^mutable struct %s end$" % re.escape(s["name"]), text, re.M):
                problems.append("%s: opaque struct %s missing" % (GENERATED, s["name"]))
            continue
        m = re.search(r"^struct %s\n(.*?)^end$" % re.escape(s["name"]), text, re.M | re.S)
        if not m:
            problems.append("%s: struct %s missing" % (GENERATED, s["name"]))
            continue
        # a field named as a Julia keyword gets "_" appended
        fields = [re.sub(r"_+$", "", f) if re.sub(r"_+$", "", f) in JULIA_KEYWORDS else f
                  for f in re.findall(r"^\s+(\w+)::", m.group(1), re.M)]
        want = [f["name"] for f in s["fields"]]
        if fields != want:
            problems.append("%s: struct %s fields %s, want %s" % (GENERATED, s["name"],
                                                                 fields, want))
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--srcdir", default=os.environ.get("CT_TOP_SRCDIR") or ".")
    ap.add_argument("--model-json", help="the model (default: run tools/gen_bindings.py)")
    args = ap.parse_args()
    srcdir = args.srcdir
    parser = make_parser()

    files = []
    for root in (os.path.join(srcdir, "bindings", "julia"),
                 os.path.join(srcdir, "examples", "julia")):
        for d, dirs, names in os.walk(root):
            dirs.sort()
            files.extend(os.path.join(d, n) for n in sorted(names) if n.endswith(".jl"))
    files.sort()

    model, model_error = None, None
    if args.model_json:
        with open(args.model_json) as f:
            model = json.load(f)
    else:
        proc = subprocess.run([sys.executable, os.path.join(srcdir, "tools", "gen_bindings.py"),
                               "--srcdir", srcdir, "--model-json", "-"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              universal_newlines=True)
        if proc.returncode == 0:
            model = json.loads(proc.stdout)
        else:
            model_error = proc.stderr.strip().split("\n")[-1] or "exit %d" % proc.returncode

    print("1..%d" % (len(files) + 3))
    failed = 0
    n = 0
    gen_data = gen_tree = None
    gen_path = os.path.join(srcdir, GENERATED)
    for path in files:
        n += 1
        rel = os.path.relpath(path, srcdir)
        with open(path, "rb") as f:
            data = f.read()
        errors = syntax_errors(parser, data)
        if os.path.abspath(path) == os.path.abspath(gen_path):
            gen_data, gen_tree = data, parser.parse(data)
        if errors:
            failed += 1
            print("not ok %d - %s parses (tree-sitter-julia)" % (n, rel))
            for line, col, what in errors[:20]:
                print("# %s:%d:%d: %s" % (rel, line, col, what))
            if len(errors) > 20:
                print("# ... and %d more" % (len(errors) - 20))
        else:
            print("ok %d - %s parses (tree-sitter-julia)" % (n, rel))

    n += 1
    if gen_data is None:
        failed += 1
        print("not ok %d - %s exists (run python3 tools/gen_bindings.py --julia)"
              % (n, GENERATED))
    else:
        print("ok %d - %s exists" % (n, GENERATED))

    for title, check in (("@ccall wrappers match the header model", "ccalls"),
                         ("constants and structs match the header model", "consts")):
        n += 1
        if model is None or gen_data is None:
            print("ok %d - %s # SKIP %s" % (n, title, "no model: %s" % model_error
                                              if model is None else "no generated file"))
            continue
        if check == "ccalls":
            problems = check_ccalls(gen_data, gen_tree, model)
            title += " (%d functions)" % len(model["functions"])
        else:
            problems = check_constants_structs(gen_data.decode("utf-8"), model)
            title += " (%d constants, %d structs)" % (len(model["constants"]),
                                                      len(model["structs"]))
        if problems:
            failed += 1
            print("not ok %d - %s" % (n, title))
            for p in problems[:40]:
                print("# " + p)
            if len(problems) > 40:
                print("# ... and %d more" % (len(problems) - 40))
        else:
            print("ok %d - %s" % (n, title))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
