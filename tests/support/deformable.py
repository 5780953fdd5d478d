"""The small deformable-page setting the presentation tests start from: the 5×5 picture
1 … 25, an all-ones 3×3 kernel, stride 1, dilation 1 (tests choose offsets and padding)."""

SMALL = {
    "picture_kind": "arange",
    "kernel_kind": "ones",
    "amount": 0.5,
    "seed": 0,
    "mask": False,
    "input_size": 5,
    "kernel_size": 3,
    "stride": 1,
    "padding": 0,
    "dilation": 1,
}
