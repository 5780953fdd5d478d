"""Text of the image source control and of image-loading errors (shared by every image page)."""

STRINGS = {
    "param.image_source": ("Picture", "图片"),
    "choice.image_source.sample": ("Sample picture", "示例图片"),
    "choice.image_source.upload": ("Upload your own", "上传自己的图片"),
    "help.image_source": (
        "The sample is drawn by the app itself; an uploaded picture stays in this session only.",
        "示例图片由本应用自行绘制；上传的图片只保留在本次会话中。",
    ),
    "images.upload_label": (
        "PNG, JPEG, WebP, GIF or BMP, up to {limit_mb} MB",
        "PNG、JPEG、WebP、GIF 或 BMP，最大 {limit_mb} MB",
    ),
    "images.upload_help": (
        "Large pictures are shrunk to at most {max_side} pixels per side; an animated GIF gives its first frame.",
        "大图会缩小到每边不超过 {max_side} 像素；动图 GIF 只取第一帧。",
    ),
    "images.waiting_for_upload": (
        "No file yet: showing the sample picture until you upload one.",
        "还没有上传文件：在你上传之前先显示示例图片。",
    ),
    "images.size_caption": (
        "{width}×{height} pixels, 3 channels (R, G, B)",
        "{width}×{height} 像素，3 个通道（R、G、B）",
    ),
    "error.image_empty": ("The file is empty.", "文件是空的。"),
    "error.image_file_too_large": (
        "The file has {size_mb} MB; pictures up to {limit_mb} MB can be loaded. Try a smaller or more compressed copy.",
        "文件大小为 {size_mb} MB；最多只能载入 {limit_mb} MB 的图片。请换一张更小或压缩过的图片。",
    ),
    "error.image_not_image": (
        "This file is not a picture the app can read. Supported formats: {formats}.",
        "无法把这个文件当作图片读取。支持的格式：{formats}。",
    ),
    "error.image_too_many_pixels": (
        "The picture declares {width}×{height} = {pixels} pixels; at most {limit} pixels are decoded (this protects the server). Shrink it first.",
        "这张图片声明的尺寸是 {width}×{height} = {pixels} 像素；最多只解码 {limit} 像素（以保护服务器）。请先把它缩小。",
    ),
    "error.image_bomb": (
        "The picture declares more than {pixels} pixels (a “decompression bomb”): it was refused before decoding. At most {limit} pixels are decoded.",
        "这张图片声明的像素超过 {pixels} 个（所谓“解压炸弹”），在解码之前就被拒绝了。最多只解码 {limit} 像素。",
    ),
    "error.image_damaged": (
        "The picture could not be decoded: the file looks damaged or cut short. Try saving it again.",
        "无法解码这张图片：文件似乎已损坏或不完整。请重新保存后再试。",
    ),
}
