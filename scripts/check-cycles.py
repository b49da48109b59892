#!/usr/bin/env python3
"""Fails when the file modules of a crate under crates/ import each other in a cycle.

Per crate (each `src/lib.rs` or `src/main.rs` under crates/; with `--tests`, also the roots of its
integration-test binaries, which still hold cycles), the modules are the files reached through `mod name;` declarations. A -> B when A's code
names an item of B: a `use` of a `crate::`, `super::`, `self::` or child-module path, or such a path
written inline in code. Paths that go through a module's `pub use` re-export are followed to the file
that defines the name. Not edges: a parent's `mod child;` lines and its `pub use child::...`
re-exports (that is how a module shows what it holds), a file naming itself, and other crates (cargo
already forbids cycles between crates), and code in an inline `#[cfg(test)] mod` (a unit test uses
whatever it tests; it is not what the crate is built from). Other inline `mod x { ... }` blocks belong
to their file.

A strongly connected component of more than one file is a cycle: each is listed with the file:line of
every edge inside it, and the exit status is 1. Usage: python3 scripts/check-cycles.py [ROOT]
[--tests] (python3 standard library only).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


# ---- source text ----------------------------------------------------------------------------------
def strip_comments_and_literals(src: str) -> str:
    """Blanks comments, strings and char literals (keeping newlines), so that what is left is code."""
    out = []
    i, n = 0, len(src)

    def blank(text: str) -> str:
        return "".join(c if c == "\n" else " " for c in text)

    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(blank(src[i:j]))
            i = j
        elif src.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if src.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif src.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(blank(src[i:j]))
            i = j
        elif c in "rb" and (i == 0 or not (src[i - 1].isalnum() or src[i - 1] == "_")):
            m = re.match(r'(?:br|r)(#*)"', src[i:])
            if m:
                end = src.find('"' + m.group(1), i + m.end())
                j = n if end < 0 else end + 1 + len(m.group(1))
                out.append(blank(src[i:j]))
                i = j
            elif src.startswith('b"', i) or src.startswith("b'", i):
                out.append(" ")
                i += 1
            else:
                out.append(c)
                i += 1
        elif c == '"':
            j = i + 1
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            out.append(blank(src[i : j + 1]))
            i = j + 1
        elif c == "'":
            # A char literal ('a', '\n', '\u{1F600}') or a lifetime ('a, 'static).
            if i + 1 < n and src[i + 1] == "\\":
                j = src.find("'", i + 2)
                j = n if j < 0 else j + 1
            elif i + 2 < n and src[i + 2] == "'":
                j = i + 3
            else:
                j = i + 1
            out.append(blank(src[i:j]))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


# ---- use trees --------------------------------------------------------------------------------------
TOKEN = re.compile(rf"::|[{{}},*]|{IDENT}")


def expand_use(tree: str, base: int, text: str) -> list[tuple[list[str], str | None, int]]:
    """`a::{b, c::{self, d as e}, *}` -> [(path, alias, line)]; `self` in braces names the prefix."""
    tokens = [(m.group(0), base + m.start()) for m in TOKEN.finditer(tree)]
    pos = 0
    leaves: list[tuple[list[str], str | None, int]] = []

    def parse(prefix: list[str]) -> None:
        nonlocal pos
        path = list(prefix)
        last_at = base
        while pos < len(tokens):
            tok, at = tokens[pos]
            if tok == "::":
                pos += 1
            elif tok == "{":
                pos += 1
                while pos < len(tokens) and tokens[pos][0] != "}":
                    if tokens[pos][0] == ",":
                        pos += 1
                        continue
                    parse(path)
                pos += 1
                return
            elif tok in (",", "}"):
                break
            elif tok == "*":
                pos += 1
                leaves.append((path + ["*"], None, line_of(text, at)))
                return
            elif tok == "as":
                pos += 1
                alias = tokens[pos][0] if pos < len(tokens) else None
                pos += 1
                leaves.append((path, alias, line_of(text, last_at)))
                return
            else:
                if tok != "self" or not prefix or path != prefix:
                    path.append(tok)
                last_at = at
                pos += 1
        leaves.append((path, None, line_of(text, last_at)))

    while pos < len(tokens):
        if tokens[pos][0] == ",":
            pos += 1
            continue
        parse([])
    return leaves


# ---- one crate ------------------------------------------------------------------------------------
class Module:
    def __init__(self, path: tuple[str, ...], file: Path, text: str):
        self.path = path
        self.file = file
        self.code = strip_comments_and_literals(text)
        self.children: set[str] = set()  # file modules declared with `mod name;`
        self.inline: list[tuple[int, int, str]] = []  # (start, end, name) of `mod name { ... }`
        self.reexports: dict[str, list[str]] = {}  # name -> absolute path, from `pub use`
        self.tests: list[tuple[int, int]] = []  # spans of inline `#[cfg(test)] mod x { ... }` blocks

    def in_tests(self, pos: int) -> bool:
        return any(s <= pos <= e for s, e in self.tests)


def child_file(parent: Module, name: str, is_root_or_mod: bool) -> Path | None:
    here = parent.file.parent if is_root_or_mod else parent.file.parent / parent.file.stem
    for candidate in (here / f"{name}.rs", here / name / "mod.rs"):
        if candidate.is_file():
            return candidate
    return None


def matching_brace(code: str, open_at: int) -> int:
    depth = 0
    for j in range(open_at, len(code)):
        if code[j] == "{":
            depth += 1
        elif code[j] == "}":
            depth -= 1
            if depth == 0:
                return j
    return len(code)


def load_crate(root_file: Path) -> dict[tuple[str, ...], Module]:
    modules: dict[tuple[str, ...], Module] = {}
    pending = [((), root_file)]
    while pending:
        path, file = pending.pop()
        module = Module(path, file, file.read_text(encoding="utf-8"))
        modules[path] = module
        for m in re.finditer(rf"(?<![\w$])mod\s+({IDENT})\s*([;{{])", module.code):
            name, kind = m.group(1), m.group(2)
            if kind == "{":
                end = matching_brace(module.code, m.end() - 1)
                module.inline.append((m.end() - 1, end, name))
                if CFG_TEST.search(module.code[max(0, m.start() - 200) : m.start()]):
                    module.tests.append((m.start(), end))
                continue
            is_root_or_mod = not path or file.name == "mod.rs"
            child = child_file(module, name, is_root_or_mod)
            if child is None:
                continue
            module.children.add(name)
            pending.append((path + (name,), child))
    return modules


def scope_at(module: Module, pos: int) -> tuple[str, ...]:
    """The module path at a position of the file: the file's own, plus any inline modules around it."""
    inner = sorted((s, e, name) for s, e, name in module.inline if s < pos < e)
    return module.path + tuple(name for _, _, name in inner)


def absolute(module: Module, scope: tuple[str, ...], segments: list[str]) -> list[str] | None:
    """A path as written at `scope` -> a path from the crate root; None when it leaves the crate."""
    if not segments:
        return None
    head = segments[0]
    if head == "crate":
        return segments[1:]
    if head in ("self", "super"):
        base = list(scope)
        rest = segments
        while rest and rest[0] in ("self", "super"):
            if rest[0] == "super":
                if not base:
                    return None
                base.pop()
            rest = rest[1:]
        return base + rest
    # A bare path: relative to the current module when it starts with one of its child modules.
    if scope == module.path and head in module.children:
        return list(scope) + segments
    inline_children = {name for s, e, name in module.inline if scope_at(module, s) == scope}
    if head in inline_children:
        return list(scope) + segments
    return None


def resolve(modules: dict[tuple[str, ...], Module], segments: list[str], depth: int = 0) -> tuple[str, ...]:
    """The file module that defines what an absolute path names, following named `pub use` re-exports."""
    best: tuple[str, ...] = ()
    for k in range(len(segments), -1, -1):
        if tuple(segments[:k]) in modules:
            best = tuple(segments[:k])
            break
    rest = segments[len(best) :]
    target = modules[best]
    if rest and rest[0] in target.reexports and depth < 16:
        return resolve(modules, target.reexports[rest[0]] + rest[1:], depth + 1)
    return best


CFG_TEST = re.compile(r"#\[cfg\(test\)\]\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?$")
USE = re.compile(r"(?<![\w$])((?:pub(?:\s*\([^)]*\))?\s+)?)use\s+([^;]+);")


def collect_uses(module: Module):
    """Every `use` leaf: (absolute path or None, alias, line, is pub, span of the statement)."""
    found = []
    for m in USE.finditer(module.code):
        scope = scope_at(module, m.start())
        for segments, alias, line in expand_use(m.group(2), m.start(2), module.code):
            found.append((absolute(module, scope, segments), segments, alias, line, bool(m.group(1)), m.span()))
    return found


def edges_of(modules: dict[tuple[str, ...], Module]) -> dict[tuple[tuple[str, ...], tuple[str, ...]], list[int]]:
    uses = {path: collect_uses(module) for path, module in modules.items()}
    # Re-exports first, so that paths through them reach the defining file.
    for path, module in modules.items():
        for target, _, alias, _, is_pub, _ in uses[path]:
            if is_pub and target and target[-1] != "*":
                module.reexports[alias or target[-1]] = target
    edges: dict[tuple[tuple[str, ...], tuple[str, ...]], list[int]] = {}

    def add(src: tuple[str, ...], segments: list[str], line: int, at: int) -> None:
        # A unit-test module uses whatever it tests; it is not part of what the crate is built from.
        if modules[src].in_tests(at):
            return
        dst = resolve(modules, [s for s in segments if s != "*"])
        if dst != src:
            edges.setdefault((src, dst), []).append(line)

    for path, module in modules.items():
        masked = list(module.code)
        for target, _, _, line, is_pub, (start, end) in uses[path]:
            masked[start:end] = [" " if ch != "\n" else "\n" for ch in module.code[start:end]]
            if target is None:
                continue
            # A module showing what it holds (`pub use child::Item`) does not depend on the child.
            if is_pub and tuple(target[: len(path)]) == path and len(target) > len(path):
                continue
            add(path, target, line, start)
        code = "".join(masked)
        heads = ["crate", "super", "self", *sorted(module.children), *sorted({n for _, _, n in module.inline})]
        inline_path = re.compile(rf"(?<![\w$:])((?:{'|'.join(map(re.escape, heads))})(?:\s*::\s*{IDENT})+)")
        for m in inline_path.finditer(code):
            segments = [s.strip() for s in m.group(1).split("::")]
            target = absolute(module, scope_at(module, m.start()), segments)
            if target is not None:
                add(path, target, line_of(code, m.start()), m.start())
    return edges


def strongly_connected(nodes, edges) -> list[list]:
    """Tarjan's algorithm, iteratively (no recursion limit to hit)."""
    graph: dict = {n: [] for n in nodes}
    for a, b in edges:
        graph[a].append(b)
    index: dict = {}
    low: dict = {}
    on_stack: set = set()
    stack: list = []
    found: list[list] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            advanced = False
            for succ in successors:
                if succ not in index:
                    index[succ] = low[succ] = counter
                    counter += 1
                    stack.append(succ)
                    on_stack.add(succ)
                    work.append((succ, iter(sorted(graph[succ]))))
                    advanced = True
                    break
                if succ in on_stack:
                    low[node] = min(low[node], index[succ])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def crate_roots(root: Path, tests: bool) -> list[Path]:
    roots = []
    for crate in sorted((root / "crates").iterdir()):
        for name in ("src/lib.rs", "src/main.rs"):
            if (crate / name).is_file():
                roots.append(crate / name)
        test_dir = crate / "tests"
        if tests and test_dir.is_dir():
            roots += sorted(test_dir.glob("*.rs")) + sorted(test_dir.glob("*/main.rs"))
    return roots


def main() -> int:
    args = [a for a in sys.argv[1:] if a != "--tests"]
    root = Path(args[0]) if args else Path(__file__).resolve().parent.parent
    cycles = 0
    checked = 0
    for crate_root in crate_roots(root, "--tests" in sys.argv[1:]):
        modules = load_crate(crate_root)
        checked += len(modules)
        edges = edges_of(modules)
        for component in strongly_connected(modules, edges):
            cycles += 1
            members = set(component)
            rel = {p: modules[p].file.relative_to(root).as_posix() for p in component}
            print(f"Import cycle in {crate_root.relative_to(root).as_posix()} between {len(component)} modules:")
            for p in component:
                print(f"  {rel[p]}")
            for (a, b), lines in sorted(edges.items()):
                if a in members and b in members:
                    where = ", ".join(f"{rel[a]}:{n}" for n in sorted(set(lines)))
                    print(f"    {rel[a]} -> {rel[b]}  ({where})")
    if cycles:
        print(
            f"\n{cycles} import cycle(s). Move what both sides need into a module of its own that neither "
            "imports back (docs/architecture.md, 'Module dependencies')."
        )
        return 1
    print(f"No import cycles among the {checked} file modules of crates/.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
