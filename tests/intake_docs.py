"""Plan documents for intake tests, built in code. Their target sentences are copied from data/sources/*.txt
(定西 2015 decision, 驿城区 2016 plan); headers, titles and signatures around them are written for the tests."""

from __future__ import annotations

# 定西市: sentences of dingxi-2015-decision.txt, restating its targets (so its plan version is a revision)
DINGXI = """定西市人民政府关于进一步做好精准扶贫工作的实施方案

一、目标任务
确保全市2015年减少贫困人口12.5万人,2016年减少贫困人口28.52万人,2017年减少贫困人口21.65万人;到2017年全市农村贫困面下降到8%以下。
加快推进农村饮水安全工程建设,确保2020年自来水普及率达到90%以上,使贫困群众都能喝上更加方便、稳定和安全的饮用水。

定西市人民政府
2015年9月1日
"""
DINGXI_QUOTE = "2016年减少贫困人口28.52万人"

# 渭源县 (in the seed tree) with 定西's sentence pattern for a year no stored plan covers: an original plan
WEIYUAN = """渭源县人民政府关于2021年巩固脱贫成果的实施方案

确保全县2021年减少贫困人口1.2万人,到2021年全县农村贫困面下降到3%以下。

渭源县人民政府
2021年3月1日
"""

# 会宁县 (白银市, Gansu) is in the national list but not in the seed tree
HUINING = """会宁县人民政府关于进一步做好精准扶贫工作的实施方案

确保全县2016年减少贫困人口2.1万人。

会宁县人民政府
2016年3月1日
"""

# No target: only an achievement (dingxi-2015-decision.txt) and prose
NO_TARGETS = """定西市扶贫工作情况通报

在市委的领导下,全市各级各部门高度重视、全力推进扶贫开发工作,取得了显著成效。要科学应对因病、因学、因灾等主要返贫因素。
"""

# a news report of results (synthetic, the test's own): what 定西 achieved in 2018, no target
DINGXI_RESULTS = """定西市2018年脱贫攻坚成效显著

2019年1月20日,记者从定西市扶贫办获悉,2018年全市实现10.2万贫困人口脱贫,200个贫困村退出。
"""
