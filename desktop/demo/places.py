"""Places and parties of the demo city: roads, parks, rivers, coordinates, and the subjects
reported on (companies with valid credit codes, shops, sites, farms, people)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from random import Random

from desktop.demo.texts import SURNAMES, Scenario, between, one
from desktop.domain.validators import CREDIT_CODE_CHARSET, CREDIT_CODE_WEIGHTS


@dataclass(frozen=True)
class AreaGeography:
    """What addresses in one county or zone are made of, and where it lies on the map."""

    roads: tuple[str, ...]
    parks: Mapping[str, str]
    rivers: tuple[str, ...]
    latitude: float
    longitude: float
    spread: float
    local_prefix: str


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


GEOGRAPHY: dict[str, AreaGeography] = {
    "320706": AreaGeography(
        _split(
            "通灌北路 通灌南路 海连中路 海连东路 朝阳中路 解放中路 人民路 建设东路 苍梧路 "
            "郁洲南路 陇海东路 巨龙南路 幸福南路 秦东门大街 瀛洲路 凌州路 孔望山路 新孔路 龙河路"
        ),
        {"锦屏镇": "海州经济开发区"},
        _split("蔷薇河 玉带河 龙尾河 西盐河 东盐河 大浦河 新沭河"),
        34.58,
        119.15,
        0.07,
        "海州区",
    ),
    "320703": AreaGeography(
        _split("中山西路 中山中路 海棠北路 海棠南路 港城大道 墟沟西路 海滨大道 桃李路 平山路"),
        {},
        _split("排淡河 烧香河 大浦河"),
        34.74,
        119.42,
        0.04,
        "连云区",
    ),
    "320707": AreaGeography(
        _split("黄海路 华中路 金海路 海州湾路 青口路 沙河路 环城路 赣马路 青口中路"),
        {"柘汪镇": "柘汪临港产业区", "青口镇": "赣榆经济开发区"},
        _split("青口河 朱稽河 龙王河 兴庄河 新沭河"),
        34.86,
        119.10,
        0.10,
        "赣榆区",
    ),
    "320722": AreaGeography(
        _split("牛山路 和平路 晶都大道 西双湖路 石榴路 驼峰路 青湖路 温泉路 东海大道 健康路"),
        {"牛山街道": "东海经济开发区", "石榴街道": "东海高新技术产业开发区"},
        _split("蔷薇河 石安河 鲁兰河 马河 西双湖"),
        34.54,
        118.78,
        0.13,
        "东海县",
    ),
    "320723": AreaGeography(
        _split("伊山路 胜利路 振兴路 人民路 幸福路 东风路 西宁路 伊芦路 富民路"),
        {"伊山镇": "灌云经济开发区", "燕尾港镇": "灌云临港产业区"},
        _split("车轴河 烧香河 善后河 叮当河 五图河"),
        34.30,
        119.25,
        0.10,
        "灌云县",
    ),
    "320724": AreaGeography(
        _split("人民路 新安路 长江路 北京路 海西路 团结路 硕湖路 汤沟路"),
        {"新安镇": "灌南经济开发区", "堆沟港镇": "连云港化工产业园区"},
        _split("灌河 一帆河 武障河 北六塘河 盐河 新沂河"),
        34.10,
        119.35,
        0.08,
        "灌南县",
    ),
    "320771": AreaGeography(
        _split("大浦路 黄河路 长江路 华山路 金桥路 新光路 昆仑山路 泰山路"),
        {"猴嘴街道": "临港产业区", "朝阳街道": "新医药产业园"},
        _split("大浦河 排淡河"),
        34.65,
        119.28,
        0.03,
        "连云港",
    ),
    "320772": AreaGeography(
        _split("港前大道 石化大道 徐圩大道 方洋路 陬山路 江苏大道"),
        {"徐圩街道": "连云港石化产业基地", "板桥街道": "板桥工业园"},
        _split("烧香河 复堆河 埒子口河"),
        34.56,
        119.55,
        0.04,
        "连云港",
    ),
    "320773": AreaGeography(
        _split("花果山大道 宿城路 云台山路 高公岛路 渔湾路"),
        {},
        _split("大村水库 渔湾溪"),
        34.68,
        119.36,
        0.03,
        "连云港",
    ),
}
"""Roads, parks, rivers and map centre of every county and zone, by area code."""

_DEFAULT_GEOGRAPHY = AreaGeography(
    ("人民路", "解放路", "建设路"), {}, ("大浦河",), 34.6, 119.2, 0.05, "连云港"
)

_BRAND = (
    "鑫盛华宏泰恒源达隆祥瑞丰润海港远诚鼎金明晶宇德福永兴旺昌通利新天"
    "正康博锦汇蓝嘉凯亿中安合益顺聚佳荣创奥"
)
_PARK_ROADS = _split("纬一路 纬二路 纬三路 经二路 经五路 工业大道 创业路 兴业路 科技大道 临港大道")
_TOWN_ROADS = _split("大道 中路 东路 西路 南路 北路 大街")
_VILLAGE_HEADS = ("大", "小", "前", "后", "东", "西", "南", "北", "新", "老", "")
_VILLAGE_TAILS = _split("庄 圩 湾 沟 集 河 营 岭 埠 墩 港 屯 楼 洼")
_GROUPS = _split("一 二 三 四 五 六 七 八 九 十 十一 十二")
_ESTATE_TAILS = _split("花园 家园 小区 华庭 名苑 新村 佳苑 公馆 嘉园")
_BUILDERS = _split("建设工程 建筑安装工程 市政工程 建设集团 建工集团")
_PHASES = ("", "一期", "二期", "三期")


def geography(area_code: str) -> AreaGeography:
    """The geography of an area (a plain default for an area the table does not know)."""
    return GEOGRAPHY.get(area_code, _DEFAULT_GEOGRAPHY)


ORGANISATION_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
"""Weights of the eight body characters of an organisation code (GB 11714-1997)."""

PARTY_KINDS: Mapping[str, str] = {
    "11": "机关",
    "12": "事业单位",
    "51": "社会团体",
    "52": "民办非企业单位",
    "53": "基金会",
    "91": "企业",
    "92": "个体工商户",
    "93": "农民专业合作社",
}
"""The registration authority and kind (first two characters) of the credit codes the demo
uses, by what they register."""

# New organisation codes (since 2015) begin with two letters naming the authority that
# assigned them: MA market regulation, MB institutional staffing, MJ civil affairs.
_NEW_CODE_PREFIXES: Mapping[str, str] = {"1": "MB", "5": "MJ", "9": "MA"}
_ORGANISATION_CHARS = CREDIT_CODE_CHARSET  # the body excludes I, O, S, V, Z as well


def organisation_check_char(body: str) -> str:
    """The GB 11714 check character of an 8-character organisation code body: 11 minus the
    weighted sum modulo 11, where 10 is written X and 11 is written 0."""
    total = 0
    for char, weight in zip(body, ORGANISATION_CODE_WEIGHTS, strict=True):
        total += (ord(char) - 48 if char <= "9" else ord(char) - 55) * weight
    value = 11 - total % 11
    return "X" if value == 10 else "0" if value == 11 else str(value)


def credit_code(rng: Random, kind: str, division: str) -> str:
    """A valid unified social credit code: the kind (a key of `PARTY_KINDS`), the 6-digit
    division code, a 9-character organisation code with its own check character, and the
    GB 32100 check character."""
    if kind not in PARTY_KINDS:
        raise ValueError(f"no such kind of party: {kind}")
    prefix = _NEW_CODE_PREFIXES.get(kind[0], "MA")
    if rng.random() < 0.65:
        body = prefix + "".join(rng.choices(_ORGANISATION_CHARS, k=6))
    else:
        body = f"{int(rng.random() * 10**8):08d}"
    head = kind + division
    organisation = body + organisation_check_char(body)
    weighted = _HEAD_SUMS.get(head)
    if weighted is None:
        weighted = _HEAD_SUMS[head] = _weighted_sum(head, 0)
    total = weighted + _weighted_sum(organisation, len(head))
    return head + organisation + CREDIT_CODE_CHARSET[-total % 31]


_CREDIT_VALUES = {char: index for index, char in enumerate(CREDIT_CODE_CHARSET)}
_HEAD_SUMS: dict[str, int] = {}  # the kind and division part of the check sum, by those


def _weighted_sum(chars: str, first: int) -> int:
    """The GB 32100 check sum of `chars` standing at positions `first`, `first + 1`, ..."""
    return sum(
        _CREDIT_VALUES[char] * weight
        for char, weight in zip(chars, CREDIT_CODE_WEIGHTS[first:], strict=False)
    )


def standing_code(name: str, kind: str, division: str) -> str:
    """The credit code of a party the demo names the same way every time (a health centre, a
    county hospital, an association): drawn from its name, so that it is always the same."""
    return credit_code(Random(f"party:{division}:{name}"), kind, division)


def brand(rng: Random) -> str:
    """A two-character trade name such as 鑫盛."""
    first = one(rng, _BRAND)
    second = one(rng, _BRAND)
    while second == first:
        second = one(rng, _BRAND)
    return first + second


def village(rng: Random) -> str:
    """A village name such as 西徐庄村."""
    head, tail = one(rng, _VILLAGE_HEADS), one(rng, _VILLAGE_TAILS)
    return head + one(rng, SURNAMES[:30]) + tail + "村"


def estate(rng: Random) -> str:
    """A residential estate such as 锦华花园."""
    return brand(rng) + one(rng, _ESTATE_TAILS)


def _company(rng: Random, trade: str, geo: AreaGeography, area_code: str) -> tuple[str, str]:
    roll = rng.random()
    local = geo.local_prefix != "连云港" and roll < 0.2
    if local:
        form = "厂" if rng.random() < 0.6 else "有限公司"
        name = f"{geo.local_prefix}{brand(rng)}{trade}{form}"
    else:
        prefix = "连云港" if roll < 0.6 else "连云港市" if roll < 0.75 else "江苏"
        if trade.endswith("科技"):
            form = "有限公司"
        else:
            form = one(rng, ("有限公司", "有限公司", "有限公司", "科技有限公司", "股份有限公司"))
        name = f"{prefix}{brand(rng)}{trade}{form}"
    return name, credit_code(rng, "91", area_code)


def subject(rng: Random, scenario: Scenario, area_code: str, township: str) -> tuple[str, str, str]:
    """Who a clue is about: (name, credit code or "", a short noun for notes)."""
    geo = geography(area_code)
    kind = scenario.subject
    if kind == "company":
        name, code = _company(rng, one(rng, scenario.trades), geo, area_code)
        return name, code, "该企业"
    if kind == "shop":
        trade = one(rng, scenario.trades)
        roll = rng.random()
        if roll < 0.3:
            owner = "老" + one(rng, SURNAMES[:40])
        elif roll < 0.45:
            owner = one(rng, SURNAMES[:40]) + "记"
        else:
            owner = brand(rng)
        name = owner + trade
        if rng.random() < 0.35 and geo.local_prefix != "连云港":
            name = "连云港市" + geo.local_prefix + name
        code = credit_code(rng, "92", area_code) if rng.random() < 0.6 else ""
        return name, code, "该商户"
    if kind == "site":
        project = f"{estate(rng)}{one(rng, _PHASES)}项目"
        builder = f"{one(rng, ('连云港', '江苏', '连云港市'))}{brand(rng)}{one(rng, _BUILDERS)}"
        name = f"{builder}有限公司（{project}工地）"
        return name, credit_code(rng, "91", area_code), "施工单位"
    if kind == "farm":
        trade = one(rng, scenario.trades)
        prefix = geo.local_prefix if geo.local_prefix != "连云港" else township
        name = f"{prefix}{brand(rng)}{trade}"
        if trade.endswith("合作社"):
            return name, credit_code(rng, "93", area_code), "该合作社"
        code = credit_code(rng, "92", area_code) if rng.random() < 0.7 else ""
        return name, code, "该养殖场"
    if kind == "clinic":
        return _clinic(rng, geo, area_code, township)
    if kind == "association":
        if geo.local_prefix != "连云港" and rng.random() < 0.35:
            name = f"{geo.local_prefix}老年人体育协会"
            return name, standing_code(name, "51", area_code), "该协会"
        return f"{estate(rng)}广场舞队", "", "活动组织者"
    if kind == "vessel":
        ship = f"“{brand(rng)}{rng.randint(1, 99)}”轮"
        return ship, "", "该船舶"
    if kind == "estate":
        return estate(rng), "", "物业单位"
    if kind == "facility":
        return township + one(rng, scenario.trades), "", "运营单位"
    if kind == "person" and rng.random() < 0.55:
        return f"{one(rng, SURNAMES[:40])}某", "", "当事人"
    return "", "", "相关责任人"


def _clinic(rng: Random, geo: AreaGeography, area_code: str, township: str) -> tuple[str, str, str]:
    """A health care provider: a public hospital or health centre (事业单位), a private
    non-profit or for-profit hospital, or a sole trader's clinic."""
    roll = rng.random()
    if roll < 0.35:
        if township.endswith("街道"):
            name = f"{township}社区卫生服务中心"
        else:
            name = f"{township.removesuffix('镇').removesuffix('乡')}中心卫生院"
        return name, standing_code(name, "12", area_code), "该医疗机构"
    if roll < 0.5 and geo.local_prefix != "连云港":
        name = geo.local_prefix + one(rng, ("人民医院", "中医院", "妇幼保健院"))
        return name, standing_code(name, "12", area_code), "该医疗机构"
    if roll < 0.7:
        mark, kind = brand(rng), one(rng, ("医院", "骨科医院", "妇产医院", "康复医院"))
        if kind == "医院" and mark.endswith("中"):  # 远中医院 would read as a 中医院
            kind = "综合医院"
        name = f"连云港{mark}{kind}"
        if rng.random() < 0.6:
            return name, credit_code(rng, "52", area_code), "该医疗机构"
        return name + "有限公司", credit_code(rng, "91", area_code), "该医疗机构"
    owner = one(rng, SURNAMES[:40]) + "氏" if rng.random() < 0.4 else brand(rng)
    name = owner + one(rng, ("诊所", "口腔诊所", "中医诊所"))
    return name, credit_code(rng, "92", area_code) if rng.random() < 0.8 else "", "该诊所"


def address(
    rng: Random, area_code: str, area_name: str, township: str, rural: bool, kind: str
) -> str:
    """A postal-style address in the township: a road and number, a park, or a village."""
    geo = geography(area_code)
    head = area_name if area_name.startswith("连云港") else "连云港市" + area_name
    park = geo.parks.get(township)
    if kind == "vessel":
        place = one(rng, ("港区", "渔港", "锚地", "码头", "航道")) + "附近海域"
    elif kind == "company" and park and rng.random() < 0.8:
        place = f"{park}{one(rng, _PARK_ROADS)}{between(rng, 1, 199)}号"
    elif kind == "farm" or (rural and (kind in ("person", "unknown") or rng.random() < 0.35)):
        place = f"{village(rng)}{one(rng, _GROUPS)}组"
    elif rural:
        stem = township.removesuffix("镇").removesuffix("乡")
        place = f"{stem}{one(rng, _TOWN_ROADS)}{between(rng, 1, 288)}号"
    else:
        place = f"{one(rng, geo.roads)}{between(rng, 1, 399)}号"
    return head + township + place


def coordinates(rng: Random, area_code: str) -> tuple[float, float]:
    """A point near the area's centre, inside Lianyungang's bounding box."""
    geo = geography(area_code)
    lat = geo.latitude + rng.uniform(-geo.spread, geo.spread)
    lon = geo.longitude + rng.uniform(-geo.spread, geo.spread) * 1.3
    return round(min(35.08, max(34.02, lat)), 6), round(min(119.78, max(118.42, lon)), 6)


def river(rng: Random, area_code: str) -> str:
    """A river, lake or reservoir of the area."""
    return one(rng, geography(area_code).rivers)
