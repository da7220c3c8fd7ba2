"""Places and parties of the demo city: roads, parks, rivers, coordinates, and the subjects
reported on (companies with valid credit codes, shops, sites, farms, people)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from random import Random

from desktop.demo.texts import SURNAMES, Scenario
from desktop.domain.validators import CREDIT_CODE_CHARSET, credit_code_check_char


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


def credit_code(rng: Random, kind: str, division: str) -> str:
    """A valid unified social credit code: kind ("91" company, "92" sole trader,
    "93" co-operative), the 6-digit division code, 9 organisation characters, check."""
    if rng.random() < 0.65:
        body = "MA" + "".join(rng.choices(CREDIT_CODE_CHARSET, k=7))
    else:
        body = f"{rng.randrange(10**8):08d}" + rng.choice("0123456789X")
    first17 = kind + division + body
    return first17 + credit_code_check_char(first17)


def brand(rng: Random) -> str:
    """A two-character trade name such as 鑫盛."""
    first = rng.choice(_BRAND)
    second = rng.choice(_BRAND)
    while second == first:
        second = rng.choice(_BRAND)
    return first + second


def village(rng: Random) -> str:
    """A village name such as 西徐庄村."""
    head, tail = rng.choice(_VILLAGE_HEADS), rng.choice(_VILLAGE_TAILS)
    return head + rng.choice(SURNAMES[:30]) + tail + "村"


def estate(rng: Random) -> str:
    """A residential estate such as 锦华花园."""
    return brand(rng) + rng.choice(_ESTATE_TAILS)


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
            form = rng.choice(("有限公司", "有限公司", "有限公司", "科技有限公司", "股份有限公司"))
        name = f"{prefix}{brand(rng)}{trade}{form}"
    return name, credit_code(rng, "91", area_code)


def subject(rng: Random, scenario: Scenario, area_code: str, township: str) -> tuple[str, str, str]:
    """Who a clue is about: (name, credit code or "", a short noun for notes)."""
    geo = geography(area_code)
    kind = scenario.subject
    if kind == "company":
        name, code = _company(rng, rng.choice(scenario.trades), geo, area_code)
        return name, code, "该企业"
    if kind == "shop":
        trade = rng.choice(scenario.trades)
        roll = rng.random()
        if roll < 0.3:
            owner = "老" + rng.choice(SURNAMES[:40])
        elif roll < 0.45:
            owner = rng.choice(SURNAMES[:40]) + "记"
        else:
            owner = brand(rng)
        name = owner + trade
        if rng.random() < 0.35 and geo.local_prefix != "连云港":
            name = "连云港市" + geo.local_prefix + name
        code = credit_code(rng, "92", area_code) if rng.random() < 0.6 else ""
        return name, code, "该商户"
    if kind == "site":
        project = f"{estate(rng)}{rng.choice(_PHASES)}项目"
        builder = f"{rng.choice(('连云港', '江苏', '连云港市'))}{brand(rng)}{rng.choice(_BUILDERS)}"
        name = f"{builder}有限公司（{project}工地）"
        return name, credit_code(rng, "91", area_code), "施工单位"
    if kind == "farm":
        trade = rng.choice(scenario.trades)
        prefix = geo.local_prefix if geo.local_prefix != "连云港" else township
        name = f"{prefix}{brand(rng)}{trade}"
        if trade.endswith("合作社"):
            return name, credit_code(rng, "93", area_code), "该合作社"
        code = credit_code(rng, "92", area_code) if rng.random() < 0.7 else ""
        return name, code, "该养殖场"
    if kind == "estate":
        return estate(rng), "", "物业单位"
    if kind == "facility":
        return township + rng.choice(scenario.trades), "", "运营单位"
    if kind == "person" and rng.random() < 0.55:
        return f"{rng.choice(SURNAMES[:40])}某", "", "当事人"
    return "", "", "相关责任人"


def address(
    rng: Random, area_code: str, area_name: str, township: str, rural: bool, kind: str
) -> str:
    """A postal-style address in the township: a road and number, a park, or a village."""
    geo = geography(area_code)
    head = area_name if area_name.startswith("连云港") else "连云港市" + area_name
    park = geo.parks.get(township)
    if kind == "company" and park and rng.random() < 0.8:
        place = f"{park}{rng.choice(_PARK_ROADS)}{rng.randint(1, 199)}号"
    elif kind == "farm" or (rural and (kind in ("person", "unknown") or rng.random() < 0.35)):
        place = f"{village(rng)}{rng.choice(_GROUPS)}组"
    elif rural:
        stem = township.removesuffix("镇").removesuffix("乡")
        place = f"{stem}{rng.choice(_TOWN_ROADS)}{rng.randint(1, 288)}号"
    else:
        place = f"{rng.choice(geo.roads)}{rng.randint(1, 399)}号"
    return head + township + place


def coordinates(rng: Random, area_code: str) -> tuple[float, float]:
    """A point near the area's centre, inside Lianyungang's bounding box."""
    geo = geography(area_code)
    lat = geo.latitude + rng.uniform(-geo.spread, geo.spread)
    lon = geo.longitude + rng.uniform(-geo.spread, geo.spread) * 1.3
    return round(min(35.08, max(34.02, lat)), 6), round(min(119.78, max(118.42, lon)), 6)


def river(rng: Random, area_code: str) -> str:
    """A river, lake or reservoir of the area."""
    return rng.choice(geography(area_code).rivers)
