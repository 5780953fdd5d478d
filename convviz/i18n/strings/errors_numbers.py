"""Learner-facing text of the one number parser (``convviz.typed_numbers``) and its link notes."""

STRINGS = {
    "error.number_empty": (
        "{name}: no number was given.",
        "{name}：没有给出数字。",
    ),
    "error.number_too_long": (
        "{name}: “{text}” is {length} characters long; a number here has at most {limit} characters.",
        "{name}：“{text}”有 {length} 个字符；这里的数字最多只能有 {limit} 个字符。",
    ),
    "error.text_too_long": (
        "{name}: the text is {length} characters long; at most {limit} characters are read here.",
        "{name}：这段文字有 {length} 个字符；这里最多只读取 {limit} 个字符。",
    ),
    "error.number_not_whole": (
        "{name} = “{text}” is not a whole number written with the digits 0–9.",
        "{name} = “{text}”不是用数字 0–9 写成的整数。",
    ),
    "error.number_out_of_range": (
        "{name} = {value} is outside the allowed range {low} … {high}.",
        "{name} = {value} 超出了允许范围 {low} … {high}。",
    ),
    "error.number_not_number": (
        "“{text}” is not a number. Write a decimal such as 2, -0.5 or 1e-3.",
        "“{text}”不是数字。请写成小数形式，例如 2、-0.5 或 1e-3。",
    ),
    "error.number_not_finite": (
        "“{text}” is not a finite number: infinity, NaN and anything beyond ±1.8 × 10³⁰⁸ cannot be computed with. Use an ordinary number such as 2 or -0.5.",
        "“{text}”不是有限的数：无穷大、NaN 以及超出 ±1.8 × 10³⁰⁸ 的数都无法参与计算。请使用普通的数，例如 2 或 -0.5。",
    ),
    "common.url_number": (
        "The link's value cannot be used as it is. {reason} It is read as {name} = {value}.",
        "链接中的数值无法直接使用。{reason}现按 {name} = {value} 处理。",
    ),
}
