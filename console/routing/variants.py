"""Data tables for text normalisation: Cantonese and colloquial forms, voice-transcription slips.

Each table maps a surface form to the Simplified Mandarin form the duty list is written in. Keys
are matched after Traditional→Simplified conversion, so they are written in Simplified characters
(plus the few Cantonese-only characters that conversion leaves alone). The tables are generic
vocabulary of the dispatch room, not phrases of particular requests.
"""

from __future__ import annotations

#: Cantonese (粤语) written forms → Mandarin.
CANTONESE: dict[str, str] = {
    "咗": "了",
    "嘅": "的",
    "喺": "在",
    "冇": "没有",
    "唔该": "请",
    "唔系": "不是",
    "唔": "不",
    "佢哋": "他们",
    "我哋": "我们",
    "你哋": "你们",
    "佢": "他",
    "哋": "们",
    "啲": "些",
    "嘢": "东西",
    "做嘢": "工作",
    "乜嘢": "什么",
    "咩": "什么",
    "点样": "怎样",
    "点解": "为什么",
    "边度": "哪里",
    "边个": "谁",
    "呢度": "这里",
    "𠮶度": "那里",
    "嗰度": "那里",
    "𠮶": "那",
    "嗰": "那",
    "睇": "看",
    "畀": "给",
    "俾": "给",
    "攞": "拿",
    "嚟": "来",
    "咁": "这么",
    "搵": "找",
    "揾": "找",
    "而家": "现在",
    "琴日": "昨天",
    "听日": "明天",
    "今日": "今天",
    "屋企": "家里",
    "返工": "上班",
    "差佬": "警察",
    "的士": "出租车",
    "计程车": "出租车",
    "巴士": "公交车",
    "冷气": "空调",
    "雪柜": "冰箱",
    "成条": "整条",
    "街坊": "居民",
    "好大": "很大",
    "好多": "很多",
    "同埋": "和",
    "短斤缺两": "缺斤短两",
}

#: Mandarin colloquial, regional and voice-transcription variants → the duty list's wording.
COLLOQUIAL: dict[str, str] = {
    "噪音": "噪声",
    "嘈音": "噪声",
    "燥音": "噪声",
    "躁音": "噪声",
    "煤气": "燃气",
    "燃汽": "燃气",
    "天燃气": "天然气",
    "投拆": "投诉",
    "泥头车": "渣土车",
    "电单车": "摩托车",
    "摩的": "摩托车",
    "电瓶车": "电动车",
    "电动单车": "电动车",
    "的哥": "出租车司机",
    "滴滴": "网约车",
    "物管": "物业",
    "红绿灯": "信号灯",
}
