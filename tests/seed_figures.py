"""The seed report's figures and tables (shared/seed, 臺北市政府秘書處工作報告, 112年下半年), place by place,
as the report prints them — what the generated report must reproduce from the demo data.

One entry per place the platform records, keyed by the place as "壹/三/一". Each entry may give:

- `figures`: the figures of the place's paragraphs, in order, as printed (`1,000`, `458萬0,441`);
- `tables`: for each table of the place, its header row and body rows, cell by cell, as printed
  (an empty cell is "");
- `text`: phrases the place's text must contain (dates, names — words that are not figures).

An app whose section arrives later adds its places here; `tests/test_report_matches_seed.py` then
compares them without any other change.
"""

from __future__ import annotations

from typing import TypedDict


class Expected(TypedDict, total=False):
    figures: list[str]
    tables: list[list[list[str]]]
    text: list[str]


PETITIONS_TABLE = [
    ["機關名稱", "件數", "機關名稱", "件數"],
    ["都發局", "256", "交通局", "97"], ["警察局", "95", "社會局", "80"], ["工務局", "79", "教育局", "72"],
    ["環保局", "45", "產業局", "42"], ["勞動局", "36", "衛生局", "30"], ["民政局（含區公所）", "29", "體育局", "26"],
    ["觀傳局", "13", "捷運局", "12"], ["法務局", "12", "人事處", "12"], ["捷運公司", "11", "政風處", "10"],
    ["文化局", "8", "消防局", "8"], ["地政局", "5", "都委會", "5"], ["財政局", "4", "研考會", "4"],
    ["兵役局", "3", "秘書處", "3"], ["資訊局", "1", "原民會", "1"], ["客委會", "1", "", ""],
]

MONTHS = ["類別", "7月", "8月", "9月", "10月", "11月", "12月", "總計（件）"]
# The seed spaces two-character labels for the print (合  計, 教 育); the platform writes them plainly.
PRESS_TABLE = [MONTHS, ["本處發布新聞稿", "55", "48", "56", "50", "43", "37", "289"],
               ["全府發布新聞稿", "627", "654", "726", "708", "671", "647", "4,033"]]
ENQUIRIES_TABLE = [
    MONTHS, ["合計", "266", "219", "213", "254", "221", "216", "1,389"],
    ["民政", "97", "71", "89", "99", "74", "65", "495"], ["財政建設", "21", "19", "15", "21", "15", "13", "104"],
    ["教育", "28", "41", "18", "30", "26", "27", "170"], ["交通", "40", "35", "36", "38", "41", "39", "229"],
    ["工務", "39", "25", "28", "41", "33", "34", "200"], ["警政衛生", "41", "28", "27", "25", "32", "38", "191"],
]
HELP_TABLE = [MONTHS, ["合計", "24", "12", "20", "14", "11", "11", "92"],
              ["協處市民個別陳情", "23", "12", "19", "14", "11", "9", "88"],
              ["協處民眾集體陳情", "1", "0", "1", "0", "0", "2", "4"]]
CONSULTATIONS_TABLE = [MONTHS, ["合計", "708", "752", "682", "704", "735", "695", "4,276"],
                       ["法律諮詢", "516", "545", "521", "496", "554", "506", "3,138"],
                       ["建築諮詢", "138", "134", "104", "132", "120", "118", "746"],
                       ["地政諮詢", "54", "73", "57", "76", "61", "71", "392"]]

SEED: dict[str, Expected] = {
    # 壹、三、（一）受理對市長陳情案件: "112年下半年受理案件計 1,000件，詳如下表："
    "壹/三/一": {"figures": ["1,000"], "tables": [PETITIONS_TABLE], "text": ["112年下半年受理案件計1,000件"]},
    # 壹、四、（一）: "其中第 14 屆第 2 次定期大會計有 577題"
    "壹/四/一": {"figures": ["577"], "text": ["第14屆第2次定期大會計有577題"]},
    # 壹、四、（二）: "112 年下半年由本處主政彙整之議員件數計 206筆，均已按照相關規定完成提送。"
    "壹/四/二": {"figures": ["206"],
                "text": ["112年下半年由本處主政彙整之議員件數計206筆", "均已按照相關規定完成提送"]},
    # 壹、四、（三）: the seed prints no figure here (the platform adds the number of briefings); the words are
    # compared.
    "壹/四/三": {"text": ["安排市長至議會各黨團進行報告"]},
    # 壹、四、（四）: "本處於 112 年 9 月 20 日舉行府會聯絡員研習班"
    "壹/四/四": {"figures": [], "text": ["本處於112年9月20日舉行府會聯絡員研習班"]},
    # 壹、五、（一）: "112 年下半年本處與全府各發布新聞稿 289則及 4,033則" + the monthly table; "7 場府級記者會",
    # the 12月25日 臺北小巨蛋 example; "媒體專訪市長計 14次".
    "壹/五/一": {"tables": [PRESS_TABLE],
                "text": ["本處與全府各發布新聞稿289則及4,033則", "共安排市長主持7場府級記者會",
                         "12月25日於臺北小巨蛋舉辦「臺北隊就職週年記者會」", "安排媒體專訪市長計14次"]},
    # 壹、五、（二）: "112年下半年共計回應 1,128則"
    "壹/五/二": {"text": ["112年下半年共計回應1,128則"]},
    # 壹、五、（三）: "112 年下半年共計發布 224 則影音貼文"
    "壹/五/三": {"figures": ["224"], "text": ["共計發布224則影音貼文"]},
    # 壹、六、（一）: 1,389 enquiries and 92 petitions helped, with their tables.
    "壹/六/一": {"figures": ["1,389", "92"], "tables": [ENQUIRIES_TABLE, HELP_TABLE],
                "text": ["綜合諮詢櫃檯提供市政業務諮詢服務計1,389件", "協處民眾個別陳情及集體陳情計92件"]},
    # 壹、六、（二）: "計受理 4,276 件" and its table.
    "壹/六/二": {"figures": ["4,276"], "tables": [CONSULTATIONS_TABLE], "text": ["計受理4,276件"]},
    # 壹、六、（三）: "計服務 14萬 4,982 人次 … 5萬 2,248份 … 於 112 年 9 月 15 日及 11月 11日辦理 2次"
    "壹/六/三": {"figures": ["14萬4,982", "5萬2,248", "2"],
                "text": ["計服務14萬4,982人次", "文宣資料計5萬2,248份", "於112年9月15日及11月11日辦理2次"]},
}
