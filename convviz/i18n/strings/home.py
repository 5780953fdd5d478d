"""Text of the overview page."""

STRINGS = {
    "home.intro": (
        "Pick a page, move a slider and watch the engine recompute every view: the padded or "
        "zero-inserted grid, the kernel, the matrix C and the output — with the numbers in the "
        "cells and the arithmetic on hover. Every setting is in the address bar, so a link "
        "reproduces exactly what you see.",
        "选择一个页面，拖动滑块，引擎会重新计算每一个视图：填充或插零后的网格、卷积核、矩阵 C 和输出——"
        "格子里有数字，鼠标悬停可看到算式。所有设置都在地址栏里，一个链接就能复现你看到的画面。",
    ),
    "home.teaches.standard": (
        "The sliding window, the output-size formula and its floor, padding modes, “same” in "
        "PyTorch vs TensorFlow, cross-correlation vs true convolution, and the matrix C.",
        "滑动窗口、输出尺寸公式及其向下取整、各种填充模式、PyTorch 与 TensorFlow 的 “same”、"
        "互相关与真正的卷积，以及矩阵 C。",
    ),
    "home.teaches.transposed": (
        "Three ways to compute the same thing — scatter-add, zero insertion + flipped kernel, and "
        "Cᵀ — checked live; output_padding; checkerboard artifacts.",
        "同一结果的三种算法——散布相加（“盖章”）、插零 + 翻转卷积核、Cᵀ 矩阵乘法——实时互相验证；"
        "output_padding；棋盘效应。",
    ),
    "home.teaches.dilated": (
        "Kernels with gaps, receptive fields of stacks, gridding holes and how HDC fills them, "
        "ASPP and WaveNet.",
        "带空洞的卷积核、堆叠后的感受野、网格效应（gridding）的空洞以及 HDC 如何填补、ASPP 与 WaveNet。",
    ),
    "home.teaches.grouped": (
        "Which input channels feed which outputs as groups go from 1 to depthwise, the "
        "block-diagonal weight, and what depthwise-separable saves.",
        "分组数从 1 变到深度卷积时，哪些输入通道连到哪些输出通道；块对角的权重；深度可分离卷积省下多少。",
    ),
    "home.teaches.pointwise": (
        "A 1×1 convolution is a matrix multiply at every pixel: channel mixing on a real image, "
        "and the Inception and ResNet parameter savings.",
        "1×1 卷积就是在每个像素上做一次矩阵乘法：在真实图像上混合通道，以及 Inception 和 ResNet 的参数节省。",
    ),
    "home.teaches.image-lab": (
        "Classic kernels and your own on real pictures, and upsampling side by side to see "
        "checkerboard artifacts.",
        "在真实图片上试用经典卷积核和自定义卷积核，并排比较各种上采样，亲眼看到棋盘效应。",
    ),
    "home.teaches.practice": (
        "Predict first, then reveal: generated questions with worked answers and a link to the "
        "exact configuration.",
        "先预测，再揭晓：自动生成的题目，附带完整解题过程和指向对应配置的链接。",
    ),
    "home.teaching.title": ("Teaching with ConvViz", "用 ConvViz 上课"),
    "home.teaching.body": (
        "- **Project it** and change one slider at a time; ask the class to predict the output "
        "size before you move it.\n"
        "- **Share the link**: the address bar holds every setting (and `lang=zh` for Chinese).\n"
        "- **Step the animations** with the slider under each chart, or press play.\n"
        "- **Invalid settings are lessons**: the app explains which rule broke and offers the "
        "nearest valid value.\n"
        "- **Predict first**: the switch on the standard, transposed, dilated, grouped and 1×1 pages "
        "hides the answer until each student has typed a guess; the practice page hands the "
        "whole class the same seeded questions by link.\n"
        "- **Lecture notes**: under each view, PNG, animated GIF, LaTeX and CSV downloads, "
        "captioned in the current language.",
        "- **投影到大屏幕上**，一次只改一个滑块；在改之前先让学生预测输出尺寸。\n"
        "- **分享链接**：地址栏保存了全部设置（加上 `lang=zh` 即为中文）。\n"
        "- **逐步播放动画**：用图表下方的滑块单步查看，或点击播放。\n"
        "- **无效设置也是知识点**：应用会说明违反了哪条规则，并给出最接近的有效值。\n"
        "- **先预测**：标准、转置、空洞、分组和 1×1 卷积页面上的这个开关会先隐藏答案，等每个学生输入自己的猜测；"
        "练习页面可以通过链接让全班拿到同一组（同一种子）题目。\n"
        "- **讲义素材**：每个视图下方都可以下载 PNG、GIF 动画、LaTeX 和 CSV，说明文字使用当前语言。",
    ),
}
