"""A tiny, safe expression language for rule data (`when` conditions and `formula` fields).

Grammar (a subset of Python syntax, checked node by node): names of metrics, numbers,
`true`/`false`, `+ - *`, comparisons, `and`/`or`/`not`, parentheses, and
`count_true([cond, ...])`. Expressions compile once to Python closures, so screening stays fast.

Missing facts: in a comparison or a sum a missing amount counts as 0 and a missing flag as
false (a `when` such as `trademark_kinds >= 2` is simply not met). A formula whose inputs are
all missing yields None (the trigger cannot be evaluated).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

Value = Decimal | bool
Facts = Mapping[str, Value]

_ALLOWED_COMPARE = {ast.GtE: ">=", ast.Gt: ">", ast.LtE: "<=", ast.Lt: "<", ast.Eq: "==", ast.NotEq: "!="}
_ALLOWED_BINOP = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*"}


class ExpressionError(ValueError):
    """The expression is outside the grammar; the message says where."""


def _num(value: Any) -> Any:
    if value is None:
        return Decimal(0)
    if value is True:
        return Decimal(1)
    if value is False:
        return Decimal(0)
    return value


def _flag(value: Any) -> bool:
    return value is True


@dataclass(frozen=True)
class Compiled:
    source: str
    names: frozenset[str]
    function: Callable[[Facts], Any]


class _Translator:
    def __init__(self) -> None:
        self.names: set[str] = set()

    def translate(self, node: ast.AST) -> str:
        if isinstance(node, ast.Expression):
            return self.translate(node.body)
        if isinstance(node, ast.BoolOp):
            joiner = " and " if isinstance(node.op, ast.And) else " or "
            return "(" + joiner.join(f"bool({self.translate(v)})" for v in node.values) + ")"
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return f"(not {self.translate(node.operand)})"
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return f"(-{self.translate(node.operand)})"
        if isinstance(node, ast.Compare):
            parts = [self._operand(node.left, node.comparators[0])]
            for op, right in zip(node.ops, node.comparators, strict=True):
                symbol = _ALLOWED_COMPARE.get(type(op))
                if symbol is None:
                    raise ExpressionError(f"operator {type(op).__name__} is not allowed")
                parts.append(symbol)
                parts.append(self._operand(right, node.left))
            return "(" + " ".join(parts) + ")"
        if isinstance(node, ast.BinOp):
            symbol = _ALLOWED_BINOP.get(type(node.op))
            if symbol is None:
                raise ExpressionError(f"operator {type(node.op).__name__} is not allowed")
            return f"({self._number(node.left)} {symbol} {self._number(node.right)})"
        if isinstance(node, ast.Call):
            if not (isinstance(node.func, ast.Name) and node.func.id == "count_true") or node.keywords:
                raise ExpressionError("only count_true([...]) may be called")
            if len(node.args) != 1 or not isinstance(node.args[0], ast.List):
                raise ExpressionError("count_true takes one list")
            items = ", ".join(f"bool({self.translate(e)})" for e in node.args[0].elts)
            return f"Decimal(sum(({items},)))"
        if isinstance(node, ast.Name):
            return self._number(node)
        if isinstance(node, ast.Constant):
            return self._number(node)
        raise ExpressionError(f"{type(node).__name__} is not allowed in rule expressions")

    def _is_flag_literal(self, node: ast.AST) -> bool:
        return isinstance(node, ast.Name) and node.id in {"true", "false", "True", "False"}

    def _operand(self, node: ast.AST, other: ast.AST) -> str:
        # Compared with true/false, a metric is read as a flag; otherwise as a number.
        if self._is_flag_literal(other) and isinstance(node, ast.Name) and not self._is_flag_literal(node):
            self.names.add(node.id)
            return f"_flag(f.get({node.id!r}))"
        return self._number(node)

    def _number(self, node: ast.AST) -> str:
        if isinstance(node, ast.Name):
            if node.id in {"true", "True"}:
                return "True"
            if node.id in {"false", "False"}:
                return "False"
            if not node.id.isidentifier() or node.id.startswith("_"):
                raise ExpressionError(f"bad name {node.id!r}")
            self.names.add(node.id)
            return f"_num(f.get({node.id!r}))"
        if isinstance(node, ast.Constant):
            if isinstance(node.value, bool):
                return repr(node.value)
            if isinstance(node.value, int | float):
                return f"Decimal({str(node.value)!r})"
            raise ExpressionError(f"constant {node.value!r} is not allowed")
        return self.translate(node)


def compile_expression(source: str) -> Compiled:
    """Compile a rule expression; raise ExpressionError for anything outside the grammar."""
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(f"cannot parse {source!r}: {exc.msg}") from exc
    translator = _Translator()
    body = translator.translate(tree)
    namespace: dict[str, Any] = {"Decimal": Decimal, "_num": _num, "_flag": _flag}
    # The generated source contains only whitelisted operations on f.get(<literal>) (ADR 0003).
    function = eval(f"lambda f: {body}", {"__builtins__": {"bool": bool, "sum": sum}, **namespace})  # nosec B307
    return Compiled(source=source, names=frozenset(translator.names), function=function)
