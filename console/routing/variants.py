"""Data tables for text normalisation: Cantonese and colloquial forms, voice-transcription slips.

Each table maps a surface form to the Simplified Mandarin form the duty list is written in. Keys
are matched after Traditional→Simplified conversion, so they are written in Simplified characters
(plus the few Cantonese-only characters that conversion leaves alone). The tables are generic
vocabulary of the dispatch room, not phrases of particular requests.

``NOT_A_VARIANT`` lists, for keys that can also arise across a word boundary, the neighbouring
characters that show the key is not there as one word: 三天燃气 is 三天|燃气 (correct), not a
misspelt 天燃气; 快点解决 is 快点|解决, not Cantonese 点解 "why". The variant is then left as written.
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

_TIME_BEFORE_TIAN = "0123456789一二三四五六七八九十百千万零〇两几每今昨明前后当半整天多这那哪某白隔翌成"

#: Key → (characters that may not precede it, characters that may not follow it): with such a
#: neighbour the key's first or last character belongs to the neighbouring word.
NOT_A_VARIANT: dict[str, tuple[str, str]] = {
    "天燃气": (_TIME_BEFORE_TIAN, ""),  # 三天|燃气, 每天|燃气, 今天|燃气, 白天|燃气
    "摩的": ("按观", ""),  # 按摩|的, 观摩|的
    "的哥": ("", "哥"),  # 我的|哥哥
    "的士": ("", "兵气"),  # 有的|士兵, 大家的|士气
    "滴滴": ("滴", "答嗒哒滴"),  # 滴滴答答 (dripping water)
    "物管": ("废宠动植药货杂异生食财事实污礼谷", "理道控制"),  # 废物|管理, 杂物|管道, 药物|管控
    "点解": ("一快早慢有差", "决释除冻答"),  # 快点|解决, 一点|解释
    "点样": ("", "品本"),  # 抽检点|样品
    "边个": ("", "体别子头"),  # 路边|个体, 旁边|个别
    "边度": ("", "过假日夏"),  # 海边|度假, 河边|度过
    "成条": ("", "件款例约理"),  # 形成|条件, 形成|条例
    "而家": ("然因从进反", "长属庭具"),  # 然而|家里, 而|家长
}
