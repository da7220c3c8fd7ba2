"""Phrase material for the demo city: names, phones, complaint scenarios and clerks' notes.

Texts are combined from parts at random (with the caller's seeded generator), so that a big
demo store reads like real work and does not repeat itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from random import Random
from typing import TypeVar

from desktop.domain.codes import Category, Channel, Finding

T = TypeVar("T")


def one(rng: Random, items: Sequence[T]) -> T:
    """One of `items`, each as likely (as `Random.choice`, in half the time)."""
    return items[int(rng.random() * len(items))]


def between(rng: Random, low: int, high: int) -> int:
    """A whole number from `low` to `high`, each as likely (as `Random.randint`, faster)."""
    return low + int(rng.random() * (high - low + 1))


# --------------------------------------------------------------------------- people

# Common surnames of northern Jiangsu, most frequent first (each listed once; the first
# ones are drawn more often, see `person_name`).
SURNAMES = (
    "王张李刘徐孙陈朱杨周吴赵胡马高许孟董葛于顾郭蔡沈韩曹袁程邵潘姜惠卢丁汤魏宋崔彭段"
    "仲史陆蒋唐谢冯夏叶梁田郑任范姚谷武卞付戴侯贾尹薛严秦毕"
)
_GIVEN_FIRST = "建国志海明文永秀桂玉春晓俊子雨欣佳浩宇思梦家国立红丽德长金宏新云承学士"
_GIVEN_SECOND = (
    "华军伟强平磊敏静丽芳燕杰涛斌霞娟婷勇超刚鹏飞林峰辉杰楠琳颖瑶轩涵萱博然宁军成民荣兰梅"
)


def person_name(rng: Random) -> str:
    """A plausible Chinese personal name: a surname and one or two given-name characters."""
    index = int(len(SURNAMES) * rng.random() ** 2.2)
    surname = SURNAMES[index]
    # (Random.choice keeps the demo accounts' names as they have always been.)
    if rng.random() < 0.3:
        return surname + rng.choice(_GIVEN_SECOND)
    return surname + rng.choice(_GIVEN_FIRST) + rng.choice(_GIVEN_SECOND)


_MOBILE_PREFIXES = (
    "130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 "
    "177 180 181 182 183 186 187 188 189 191 198 199"
).split()


def mobile(rng: Random) -> str:
    """A valid-looking mainland mobile number (11 digits, 13x–19x)."""
    return rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(100_000_000):08d}"


def landline(rng: Random) -> str:
    """A Lianyungang landline (area code 0518, eight digits starting 8)."""
    return f"0518-8{rng.randrange(10_000_000):07d}"


# --------------------------------------------------------------------------- channels

CHANNEL_WEIGHTS: dict[Channel, float] = {
    Channel.HOTLINE_12345: 28,
    Channel.DAILY_INSPECTION: 14,
    Channel.HOTLINE_12369: 11,
    Channel.HIGHER_ASSIGNMENT: 7,
    Channel.GRID_PATROL: 7,
    Channel.MOBILE_ENFORCEMENT: 5,
    Channel.ONLINE_MONITORING: 4,
    Channel.PETITION: 4,
    Channel.WECHAT_REPORT: 4,
    Channel.DEPARTMENT_TRANSFER: 3,
    Channel.INSPECTION_ASSIGNMENT: 3,
    Channel.INTERNET_OPINION: 2.5,
    Channel.MEDIA_EXPOSURE: 2,
    Channel.LEADER_MAILBOX: 2,
    Channel.REMOTE_SENSING: 1.5,
    Channel.NPC_CPPCC: 1,
    Channel.DISCIPLINE_TRANSFER: 1,
}
"""How often each of the 17 intake channels brings a clue (relative weights)."""

CITIZEN_CHANNELS = frozenset(
    {
        Channel.HOTLINE_12345,
        Channel.HOTLINE_12369,
        Channel.PETITION,
        Channel.WECHAT_REPORT,
        Channel.LEADER_MAILBOX,
    }
)
"""Channels through which a named (or anonymous) citizen reports."""

FIELD_CHANNELS = frozenset(
    {Channel.DAILY_INSPECTION, Channel.GRID_PATROL, Channel.MOBILE_ENFORCEMENT}
)
"""Channels whose clues are found in the field, often registered by the handling unit."""

_INTROS: dict[Channel, tuple[str, ...]] = {
    Channel.HOTLINE_12345: (
        "市民来电反映",
        "群众来电反映",
        "来电人反映",
        "12345热线转办，来电人称",
    ),
    Channel.HOTLINE_12369: ("群众通过12369环保举报热线反映", "12369热线来电举报", "举报人来电称"),
    Channel.HIGHER_ASSIGNMENT: (
        "省生态环境厅交办",
        "市政府督查室交办",
        "市委市政府领导批示交办",
        "省污染防治攻坚办交办",
    ),
    Channel.INSPECTION_ASSIGNMENT: (
        "中央生态环境保护督察组转办",
        "省生态环境保护督察组交办",
        "省督察“回头看”转办",
    ),
    Channel.MOBILE_ENFORCEMENT: ("环保移动执法系统推送：执法人员检查发现", "移动执法终端推送"),
    Channel.DAILY_INSPECTION: ("执法人员日常检查发现", "日常巡查中发现", "专项检查中发现"),
    Channel.MEDIA_EXPOSURE: (
        "《连云港日报》报道",
        "连云港电视台《民生热线》栏目曝光",
        "《苍梧晚报》记者暗访发现",
    ),
    Channel.PETITION: ("信访人来信反映", "群众到市信访局走访反映", "网上信访件反映"),
    Channel.ONLINE_MONITORING: ("在线监控系统报警",),
    Channel.DEPARTMENT_TRANSFER: (
        "市公安局移交",
        "市场监督管理局移交",
        "海事部门移交",
        "应急管理局移交",
    ),
    Channel.INTERNET_OPINION: (
        "网民在“连云港论坛”发帖称",
        "网民在微博发布视频称",
        "抖音短视频反映",
    ),
    Channel.LEADER_MAILBOX: ("群众通过市长信箱反映", "群众给区委书记信箱来信反映"),
    Channel.NPC_CPPCC: ("市人大代表建议", "市政协委员提案反映"),
    Channel.GRID_PATROL: ("网格员巡查发现", "网格员日常巡查上报"),
    Channel.REMOTE_SENSING: ("卫星遥感监测发现",),
    Channel.DISCIPLINE_TRANSFER: ("市纪委监委在监督检查中发现并移交", "纪委监委移交问题线索"),
    Channel.WECHAT_REPORT: ("群众通过“连云港生态环境”微信公众号举报", "微信公众号举报"),
}


def intro(rng: Random, channel: Channel) -> str:
    """How the clue's text begins for its channel, e.g. 市民来电反映."""
    return one(rng, _INTROS[channel])


# --------------------------------------------------------------------------- scenarios

CATEGORY_WEIGHTS: dict[Category, float] = {
    Category.AIR: 32,
    Category.WATER: 24,
    Category.NOISE: 16,
    Category.SOLID_WASTE: 13,
    Category.ECOLOGY: 6,
    Category.SOIL: 4,
    Category.OTHER: 3.5,
    Category.RADIATION: 1.5,
}
"""How often each pollution category occurs (relative weights)."""


@dataclass(frozen=True)
class Scenario:
    """One kind of complaint: who is reported, what they do, what it does, who handles it.

    `subject` is one of company, shop, site, farm, clinic, association, vessel, person,
    estate, facility, unknown; `duty` names the responsible department (eco, agri, transport,
    urban, housing, water, land, police, market, health, port, maritime; see
    `desktop.demo.cases.duty_of`) or is empty when the township handles it; `areas` limits
    the scenario to some area codes (empty: everywhere); `season` names a row of
    `SCENARIO_SEASONS` when the scenario comes and goes with the time of year.
    """

    category: Category
    weight: float
    subject: str
    trades: tuple[str, ...]
    problems: tuple[str, ...]
    impacts: tuple[str, ...]
    duty: str
    measures: tuple[str, ...]
    areas: tuple[str, ...] = ()
    season: str = ""


_CHEM_TRADES = ("化工", "精细化工", "医药化工", "新材料科技", "涂料", "树脂")
_FACTORY_TRADES = ("机械制造", "金属制品", "塑料制品", "包装材料", "家具", "木业", "食品", "纺织")
_ECO_MEASURES = (
    "已责令该单位立即停止违法排污行为并限期整改",
    "已依法立案调查，拟处罚款{fine}万元",
    "已对相关设施查封扣押，并委托第三方开展监测",
    "已责令其完善治污设施并加强运行管理",
    "已下达《责令改正违法行为决定书》",
)

SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        Category.AIR,
        10,
        "company",
        _CHEM_TRADES,
        (
            "夜间偷排废气",
            "废气未经处理直接排放",
            "车间无组织排放刺鼻气体",
            "烟囱冒黑烟",
            "废气处理设施长期停运",
            "活性炭吸附装置长期未更换",
        ),
        (
            "周边居民闻到刺鼻气味",
            "异味严重影响周边村民生活",
            "夜间气味呛人无法开窗",
            "附近居民出现咳嗽、头晕等不适",
            "刺鼻气味飘到一公里外",
        ),
        "eco",
        _ECO_MEASURES,
    ),
    Scenario(
        Category.AIR,
        4,
        "company",
        ("石英制品", "硅微粉", "石英砂", "水晶制品"),
        ("破碎车间粉尘无组织排放", "石英砂露天堆放未覆盖", "酸洗工序废气直排"),
        ("周边房屋和农作物上落满灰尘", "空气中粉尘弥漫", "酸味刺鼻"),
        "eco",
        _ECO_MEASURES,
        ("320722",),
    ),
    Scenario(
        Category.AIR,
        6,
        "shop",
        ("饭店", "烧烤店", "餐馆", "小吃店", "火锅店"),
        ("油烟未经净化直排", "油烟净化器长期不开", "露天烧烤油烟扰民", "排烟管道直对居民窗户"),
        ("油烟直冲居民楼", "楼上住户无法开窗晾晒", "油烟味一直飘到深夜"),
        "urban",
        ("已责令其安装并正常使用油烟净化设施", "已督促其取缔露天烧烤", "已对其排烟管道进行改造"),
    ),
    Scenario(
        Category.AIR,
        6,
        "site",
        (),
        ("施工扬尘严重", "裸土未覆盖", "渣土车未密闭运输沿路撒漏", "工地出口未冲洗车辆"),
        ("道路尘土飞扬", "周边小区灰尘很大", "过往行人被扬尘呛得睁不开眼"),
        "housing",
        (
            "已责令施工单位落实“六个百分百”扬尘防控措施",
            "已责令其对裸土全部覆盖并加强洒水降尘",
            "已对施工单位约谈并处罚款{fine}万元",
        ),
    ),
    Scenario(
        Category.AIR,
        4,
        "person",
        (),
        ("露天焚烧秸秆", "焚烧生活垃圾", "焚烧废旧电线"),
        ("浓烟滚滚", "烟雾弥漫影响过往车辆通行", "附近村民家中满是烟味"),
        "",
        ("已现场扑灭明火并对当事人批评教育", "已加强禁烧巡查", "已责令当事人清理焚烧残留物"),
        season="harvest",
    ),
    Scenario(
        Category.AIR,
        3,
        "shop",
        ("汽修厂", "汽车维修中心", "钣金喷漆店"),
        ("露天喷漆作业", "喷漆房废气未经处理直排"),
        ("油漆味刺鼻", "周边居民反映头晕"),
        "eco",
        ("已责令其停止露天喷漆作业", "已责令其完善喷漆房废气收集处理设施"),
    ),
    Scenario(
        Category.AIR,
        2,
        "company",
        ("石化", "炼化", "化工新材料"),
        ("火炬燃烧冒黑烟", "装置区异味明显", "储罐区挥发性有机物泄漏"),
        ("附近居民担心安全", "夜间能看到大面积黑烟", "异味飘到居住区"),
        "eco",
        _ECO_MEASURES,
        ("320772",),
    ),
    Scenario(
        Category.WATER,
        7,
        "company",
        _CHEM_TRADES + _FACTORY_TRADES,
        (
            "通过暗管向河道排放污水",
            "利用雨水管网排放生产废水",
            "污水处理设施停运",
            "雨天趁机偷排废水",
        ),
        (
            "河面发黑发臭",
            "河里出现死鱼",
            "水面漂浮白色泡沫",
            "排口处水体浑浊发黄",
            "下游农田灌溉受影响",
        ),
        "eco",
        _ECO_MEASURES,
    ),
    Scenario(
        Category.WATER,
        4,
        "farm",
        ("生猪养殖场", "养鸡场", "奶牛养殖场", "生猪养殖专业合作社"),
        ("养殖粪污直排河沟", "粪便随意堆放雨后流入河道", "养殖废水流入农田"),
        ("河沟臭气熏天", "周边沟渠水体发黑", "苍蝇蚊虫滋生"),
        "agri",
        ("已责令其配套建设粪污贮存设施", "已督促其签订粪污资源化利用协议", "已对污染沟渠进行清淤"),
    ),
    Scenario(
        Category.WATER,
        4,
        "farm",
        ("水产养殖场", "对虾养殖场", "紫菜育苗场", "海参养殖场"),
        ("养殖尾水未经处理直排入海", "清塘废水直排河道"),
        ("近岸海水发黄浑浊", "附近河道水质变差"),
        "agri",
        ("已责令其建设尾水处理设施", "已督促其落实养殖尾水达标排放"),
        ("320707", "320703", "320723", "320724", "320772"),
    ),
    Scenario(
        Category.WATER,
        3,
        "shop",
        ("洗车行", "洗车店", "汽车美容店"),
        ("洗车废水直排雨水管网", "洗车污水横流"),
        ("路面污水横流", "雨水井淤堵发臭"),
        "urban",
        ("已责令其设置沉淀池并接入污水管网", "已责令其停业整改"),
    ),
    Scenario(
        Category.WATER,
        4,
        "estate",
        (),
        ("小区雨污混接，生活污水流入河道", "化粪池满溢污水外流", "污水管道破损渗漏"),
        ("河水发黑发臭", "小区门口污水漫溢", "夏天臭味严重"),
        "housing",
        ("已督促物业公司实施雨污分流改造", "已组织对破损管网进行修复", "已对化粪池进行清掏"),
    ),
    Scenario(
        Category.NOISE,
        6,
        "site",
        (),
        ("夜间施工噪声扰民", "凌晨仍在打桩", "混凝土泵车夜间作业", "未经许可夜间连续施工"),
        ("周边居民无法休息", "影响学生学习和老人休息", "噪声持续到凌晨一两点"),
        "housing",
        (
            "已责令施工单位停止夜间施工",
            "已核查其夜间施工许可手续并责令整改",
            "已对施工单位处罚款{fine}万元",
        ),
    ),
    Scenario(
        Category.NOISE,
        4,
        "shop",
        (
            "KTV",
            "酒吧",
            "商铺",
            "健身房",
        ),
        ("音响声音过大", "门口高音喇叭促销", "深夜营业噪声扰民"),
        ("楼上住户无法入睡", "周边居民多次协商无果", "噪声影响小区居民正常生活"),
        "urban",
        ("已责令其降低音量并加装隔音设施", "已对商户进行批评教育并限期整改"),
    ),
    Scenario(
        Category.NOISE,
        3,
        "company",
        _FACTORY_TRADES,
        ("厂区风机噪声大", "夜间生产设备噪声扰民", "冷却塔噪声超标"),
        ("周边村民夜间无法入睡", "噪声持续不断"),
        "eco",
        ("已委托监测，厂界噪声超标，已责令其整改", "已责令其对高噪声设备采取隔声减振措施"),
    ),
    Scenario(
        Category.SOLID_WASTE,
        5,
        "person",
        (),
        ("在路边倾倒建筑垃圾", "在河坡倾倒装修垃圾", "偷倒渣土"),
        ("垃圾堆成小山", "侵占道路影响通行", "污染河坡"),
        "urban",
        ("已组织清运倾倒的垃圾", "已查清倾倒人并依法处罚", "已安装监控加强巡查"),
    ),
    Scenario(
        Category.SOLID_WASTE,
        4,
        "company",
        _CHEM_TRADES + _FACTORY_TRADES,
        ("非法倾倒工业固废", "危险废物露天堆放无防渗", "废油桶随意丢弃", "偷倒污泥"),
        ("雨水冲刷后渗入土壤", "散发刺鼻气味", "周边群众担心污染地下水"),
        "eco",
        _ECO_MEASURES,
    ),
    Scenario(
        Category.SOLID_WASTE,
        2,
        "shop",
        ("废品收购站", "废旧电瓶回收点"),
        ("废旧电瓶随意堆放", "废品露天堆放占道"),
        ("酸液流淌到地面", "环境脏乱"),
        "eco",
        ("已责令其规范贮存并清理现场", "已将危险废物移交有资质单位处置"),
    ),
    Scenario(
        Category.SOLID_WASTE,
        2,
        "facility",
        ("垃圾中转站", "生活垃圾收集点"),
        ("生活垃圾长期无人清运", "垃圾渗滤液外流"),
        ("臭味熏人", "蚊蝇滋生"),
        "urban",
        ("已安排环卫作业单位及时清运", "已对中转站进行冲洗除臭"),
    ),
    Scenario(
        Category.SOIL,
        3,
        "company",
        ("电镀", "化工", "金属表面处理", "蓄电池"),
        ("电镀废液渗入土壤", "厂区地面油污下渗", "非法填埋化工废渣"),
        ("周边土地寸草不生", "井水有异味", "农作物枯死"),
        "eco",
        ("已委托开展土壤污染状况调查", "已责令其清挖受污染土壤并规范处置", "已依法立案调查"),
    ),
    Scenario(
        Category.SOIL,
        1,
        "unknown",
        (),
        ("农田被倾倒不明废料", "耕地被非法取土"),
        ("庄稼无法种植", "耕地遭到破坏"),
        "land",
        ("已组织对废料取样检测并清理", "已责令恢复耕地种植条件"),
    ),
    Scenario(
        Category.RADIATION,
        1,
        "facility",
        ("通信基站", "变电站"),
        ("建在居民楼顶，担心电磁辐射", "距离居民区过近"),
        ("居民担心影响身体健康", "周边群众情绪较大"),
        "eco",
        ("经监测，电磁辐射水平符合国家标准，已向群众解释", "已督促运营单位公开监测结果"),
    ),
    Scenario(
        Category.RADIATION,
        0.5,
        "company",
        ("无损检测", "探伤"),
        ("探伤作业未设警戒区", "放射源存放不规范"),
        ("附近工人担心受到辐射", "存在安全隐患"),
        "eco",
        ("已责令其规范设置警戒区并完善辐射安全管理制度", "已依法立案调查"),
    ),
    Scenario(
        Category.ECOLOGY,
        2,
        "person",
        (),
        ("非法采砂", "夜间用船只偷采河砂"),
        ("河岸坍塌", "河道被挖得坑坑洼洼"),
        "water",
        ("已扣押采砂船只并移交公安机关", "已加强夜间巡查"),
    ),
    Scenario(
        Category.ECOLOGY,
        2,
        "person",
        (),
        ("毁林开荒", "非法开山采石", "占用林地建房"),
        ("山体植被被破坏", "水土流失严重"),
        "land",
        ("已责令停止违法行为并恢复植被", "已依法立案调查"),
    ),
    Scenario(
        Category.ECOLOGY,
        1.5,
        "person",
        (),
        ("非法捕捞、电鱼", "围垦滩涂湿地", "破坏海岸线"),
        ("鱼类资源遭到破坏", "湿地生态受损"),
        "agri",
        ("已没收捕捞工具并批评教育", "已责令拆除围堰恢复原状"),
    ),
    Scenario(
        Category.OTHER,
        2,
        "company",
        ("广告传媒", "商业管理", "文化传媒"),
        ("广告屏夜间强光直射居民窗户", "霓虹灯通宵开启"),
        ("居民夜间无法休息",),
        "urban",
        ("已责令其调低亮度并在22时后关闭", "已督促其调整广告屏角度"),
    ),
    Scenario(
        Category.OTHER,
        1.5,
        "unknown",
        (),
        ("不明来源异味", "河道漂浮大量垃圾"),
        ("群众反映强烈", "影响周边环境"),
        "",
        ("已组织排查异味来源并加强巡查", "已组织打捞清理河道垃圾"),
    ),
    Scenario(
        Category.AIR,
        1.5,
        "person",
        (),
        ("在禁燃区燃放烟花爆竹", "深夜燃放烟花爆竹", "婚丧活动大量燃放鞭炮"),
        ("烟雾弥漫、火药味刺鼻", "纸屑满地", "半夜被鞭炮声惊醒"),
        "police",
        ("已对当事人批评教育并依法处罚", "已加强禁燃区巡查管控", "已责令当事人清扫燃放残留物"),
        season="festival",
    ),
    Scenario(
        Category.AIR,
        2,
        "company",
        ("物流", "运输", "货运"),
        ("柴油货车冒黑烟", "重型柴油车尾气排放超标", "渣土车辆未密闭运输沿途撒漏"),
        ("车辆经过时黑烟滚滚", "沿线居民深受尾气之害", "路面沙土遍地"),
        "police",
        (
            "已会同公安交警开展路检路查，对超标车辆依法处罚",
            "已责令该公司对车辆进行维修治理并复检合格",
            "已将相关车辆纳入重点监管名单",
        ),
    ),
    Scenario(
        Category.AIR,
        1.5,
        "shop",
        ("煤炭经营部", "燃料经营部", "建材煤炭店"),
        ("销售劣质散煤", "销售硫分超标的散煤", "露天堆放散煤沿街销售"),
        ("周边居民燃煤取暖烟气呛人", "散煤燃烧后黑烟滚滚", "煤灰随风飘散"),
        "market",
        ("已查扣劣质散煤并依法处罚", "已责令其停止销售并对在售散煤抽样送检"),
        season="winter",
    ),
    Scenario(
        Category.AIR,
        2.5,
        "company",
        ("港务", "码头", "散货物流"),
        ("煤炭堆场未苫盖，起风时扬尘严重", "矿石装卸作业未落实抑尘措施", "港区运输车辆沿路撒漏"),
        ("周边道路和居民楼落满黑灰", "海风一吹粉尘飘进小区", "晾晒的衣服被染黑"),
        "port",
        (
            "已责令其对堆场全面苫盖并增设喷淋抑尘设施",
            "已督促其完善防风抑尘网和车辆冲洗设施",
            "已对该企业约谈并限期整改",
        ),
        ("320703", "320707", "320723", "320772"),
    ),
    Scenario(
        Category.WATER,
        2,
        "vessel",
        (),
        ("偷排含油污水", "将生活污水直排入海", "将洗舱水排入港池"),
        ("港池海面出现大片油花", "近岸海面漂浮油污", "岸边礁石沾满油污"),
        "maritime",
        (
            "已对该船舶依法立案处罚",
            "已责令其将含油污水交岸上接收设施处置",
            "已组织清污单位回收海面油污",
        ),
        ("320703", "320707", "320723", "320772"),
    ),
    Scenario(
        Category.SOLID_WASTE,
        1.5,
        "clinic",
        (),
        ("医疗废物混入生活垃圾", "医疗废物暂存间未上锁、无防渗措施", "输液瓶、针头随意丢弃"),
        ("垃圾桶旁散落针头和输液管", "周边居民担心传染疾病", "拾荒人员翻捡医疗废物"),
        "health",
        (
            "已责令其规范设置医疗废物暂存间并建立转移台账",
            "已督促其将医疗废物交有资质单位集中处置",
            "已对其依法立案调查",
        ),
    ),
    Scenario(
        Category.WATER,
        1,
        "clinic",
        (),
        ("医疗废水未经消毒直接排放", "污水处理设施未正常运行"),
        ("排口处有刺鼻的消毒水味", "下水道散发异味"),
        "eco",
        ("已责令其修复污水处理设施并规范投加消毒剂", "已委托开展废水监测并依法处理"),
    ),
    Scenario(
        Category.NOISE,
        2.5,
        "association",
        (),
        ("每晚跳舞时音响音量过大", "晚间健身音响噪声扰民", "清晨在小区广场大声播放音乐"),
        ("周边居民无法正常休息", "老人孩子被吵得睡不着", "多次协商仍未改善"),
        "police",
        ("已联系组织者调低音量并约定活动时间", "已会同社区协调，劝导其更换活动场地"),
        season="summer",
    ),
    Scenario(
        Category.NOISE,
        1.5,
        "person",
        (),
        ("机动车改装排气管深夜“炸街”", "货车夜间鸣笛扰民"),
        ("半夜被轰鸣声惊醒", "周边居民苦不堪言"),
        "police",
        ("已会同公安交警开展夜间专项整治", "已对违法改装车辆依法处罚并责令恢复原状"),
    ),
)
"""The complaint scenarios the descriptions are made of."""

CATEGORY_SEASONS: dict[Category, tuple[float, ...]] = {
    # January … December
    Category.NOISE: (0.7, 0.7, 0.85, 1.0, 1.1, 1.35, 1.5, 1.45, 1.15, 1.0, 0.85, 0.75),
    Category.WATER: (0.8, 0.8, 0.9, 1.0, 1.05, 1.2, 1.35, 1.3, 1.05, 0.95, 0.9, 0.8),
    Category.AIR: (1.1, 1.0, 0.95, 0.95, 1.0, 1.1, 1.1, 1.05, 0.95, 1.05, 1.05, 1.1),
    Category.SOLID_WASTE: (0.95, 0.9, 1.2, 1.1, 1.0, 1.0, 0.95, 0.95, 1.0, 1.0, 1.0, 1.0),
}
"""How each category's share of the month's clues rises and falls over the year (factors on
`CATEGORY_WEIGHTS`, January first; categories not listed stay even): noise with open windows
in summer, black and smelly water in the hot rainy months, renovation waste after the Spring
Festival."""

SCENARIO_SEASONS: dict[str, tuple[float, ...]] = {
    # straw burning at the wheat harvest (June) and the rice and maize harvest (Oct–Nov)
    "harvest": (0.4, 0.4, 0.5, 0.6, 1.5, 4.0, 1.0, 0.5, 0.8, 3.0, 2.0, 0.6),
    # fireworks around the Spring Festival and the New Year
    "festival": (4.0, 5.0, 1.0, 0.3, 0.2, 0.2, 0.2, 0.2, 0.2, 0.5, 0.3, 1.5),
    # loose coal sold for heating in the cold months
    "winter": (2.0, 1.8, 1.0, 0.4, 0.2, 0.1, 0.1, 0.1, 0.2, 0.6, 1.4, 2.0),
    # evening square dancing in the warm months
    "summer": (0.4, 0.4, 0.7, 1.0, 1.3, 1.6, 1.7, 1.6, 1.3, 1.0, 0.7, 0.5),
}
"""Factors by month (January first) on the weight of the scenarios of each season."""

# --------------------------------------------------------------------------- description

_WHEN = (
    "近期",
    "近一周以来",
    "最近半个月",
    "长期",
    "这几天",
    "一直",
    "近两个月来",
    "今年以来",
    "经常",
    "",
)
_DURATIONS = (
    "已持续一个多月",
    "多次反映未解决",
    "已有半年之久",
    "此前反映过仍未整改",
    "情况越来越严重",
    "已经持续好几天",
    "",
)
_DEMANDS = (
    "请求有关部门尽快查处",
    "希望相关部门核实处理",
    "要求尽快整改",
    "请相关部门加强监管",
    "请给予答复",
    "希望彻底解决",
    "请尽快派人到现场查看",
)
_POLLUTANTS: dict[Category, tuple[tuple[str, str, float], ...]] = {
    Category.AIR: (
        ("颗粒物", "mg/m³", 20),
        ("二氧化硫", "mg/m³", 50),
        ("氮氧化物", "mg/m³", 100),
        ("非甲烷总烃", "mg/m³", 60),
    ),
    Category.WATER: (
        ("化学需氧量", "mg/L", 50),
        ("氨氮", "mg/L", 5),
        ("总磷", "mg/L", 0.5),
        ("pH值", "", 9),
    ),
}
_SENSED: dict[Category, tuple[str, ...]] = {
    Category.ECOLOGY: ("毁林开荒", "非法开山采石", "违法占用湿地", "围海养殖", "非法采砂"),
    Category.SOLID_WASTE: ("固体废物堆放点", "建筑垃圾堆放", "生活垃圾非正规堆放点"),
    Category.AIR: ("秸秆焚烧火点", "露天焚烧火点"),
    Category.SOIL: ("非法取土", "农用地违规堆存废渣"),
}
_SENSED_TAILS = (
    "请属地核实并反馈",
    "请现场核实",
    "请核实是否存在违法行为",
    "请于规定时限内核查整改",
)


def describe(
    rng: Random, channel: Channel, scenario: Scenario, subject: str, address: str, river: str
) -> str:
    """The clue text: who reported, where, who, what happens, what it does, what is asked."""
    problem = one(rng, scenario.problems)
    if scenario.category is Category.WATER and rng.random() < 0.7:
        problem = problem.replace("河道", river).replace("河沟", river)
    if channel is Channel.ONLINE_MONITORING and scenario.category in _POLLUTANTS:
        name, unit, limit = one(rng, _POLLUTANTS[scenario.category])
        value = round(limit * (1.2 + 2.5 * rng.random()), 1)
        hours = rng.randint(1, 12)
        return (
            f"在线监控系统报警：{subject or '排污单位'}（{address}）排放口{name}小时均值"
            f"{value}{unit}，超过排放限值{limit}{unit}，已连续{hours}小时超标，"
            f"请核实是否存在{problem}等问题。"
        )
    if channel is Channel.REMOTE_SENSING:
        kinds = _SENSED.get(scenario.category, scenario.problems)
        number = rng.randrange(1000, 9999)
        area = rng.randint(2, 80)
        return (
            f"卫星遥感监测发现{address}附近存在疑似{one(rng, kinds)}图斑（编号LYG-{number}，"
            f"面积约{area}亩），{one(rng, _SENSED_TAILS)}。"
        )
    head = intro(rng, channel)
    when = one(rng, _WHEN)
    impact = one(rng, scenario.impacts)
    duration = one(rng, _DURATIONS)
    tail = f"{duration}，" if duration else ""
    if scenario.subject == "unknown":
        place = f"{address}附近"
    elif scenario.subject == "vessel":
        place = f"{address}，{subject}"
    elif scenario.subject == "person" or not subject:
        place = f"{address}附近，{subject}" if subject else f"{address}附近有人"
    else:
        place = f"位于{address}的{subject}"
    return f"{head}：{place}{when}{problem}，{impact}，{tail}{one(rng, _DEMANDS)}。"


# --------------------------------------------------------------------------- notes

_FOLLOW_UPS = (
    "将持续跟踪复查，防止问题反弹",
    "已纳入日常巡查重点",
    "整改情况已拍照存档",
    "已开展复查，整改到位",
)
_REPORTER_FOLLOW_UPS = (
    "已电话回复举报人，举报人表示满意",
    "已向举报人反馈办理情况",
    "已回访举报人，举报人对办理结果认可",
)
_NOT_FOUND = (
    "将加强巡查，发现问题及时处理",
    "已要求相关单位做好日常管理",
    "已现场拍照留存",
)


def report_text(
    rng: Random,
    scenario: Scenario,
    subject: str,
    checker: str,
    reporter: bool,
    finding: Finding,
) -> tuple[str, str]:
    """The handling result a lead unit reports back for `finding`, and the measures taken;
    `checker` names who went to the site."""
    if reporter and rng.random() < 0.6:
        follow_up = one(rng, _REPORTER_FOLLOW_UPS)
    else:
        follow_up = one(rng, _FOLLOW_UPS)
    if finding is Finding.UNTRUE:
        explained = "已向举报人解释说明" if reporter else one(rng, _NOT_FOUND)
        result = f"经{checker}现场核查，未发现反映的问题。{explained}。"
        return result, one(rng, _UNTRUE_MEASURES)
    said = "反映问题属实" if finding is Finding.TRUE else "反映问题部分属实"
    measure = one(rng, scenario.measures).replace("{fine}", str(one(rng, (1, 2, 3, 5, 8, 10))))
    target = f"针对{subject}存在的问题，" if subject and rng.random() < 0.5 else ""
    partly = f"{one(rng, _PARTLY_TRUE)}；" if finding is Finding.PARTLY_TRUE else ""
    result = f"经{checker}现场核查，{said}。{partly}{target}{measure}。{follow_up}。"
    measures = f"{measure}；{one(rng, _FOLLOW_UP_MEASURES)}。"
    return result, measures


_PARTLY_TRUE = (
    "反映的排放时间与现场核查情况不符",
    "反映的部分问题已于此前整改到位",
    "反映的影响范围与实际情况有出入",
    "现场仅发现部分设施运行不正常",
)
_UNTRUE_MEASURES = (
    "经核查未发现问题，已向举报人做好解释说明",
    "现场未发现异常，已将该点位纳入日常巡查",
    "未发现反映的问题，已要求属地加强日常监管",
    "调阅在线监测数据及台账均未见异常，将持续关注",
)
_FOLLOW_UP_MEASURES = (
    "已开展现场复查，整改到位",
    "已将整改前后照片存档",
    "已纳入日常巡查重点，防止问题反弹",
    "已督促其建立环保管理台账",
    "已约谈该单位负责人",
)


CHECKERS: dict[str, tuple[str, ...]] = {
    "township": ("镇村干部", "镇环保办工作人员", "网格员会同镇执法中队"),
    "street": ("街道工作人员", "社区网格员会同街道执法中队", "街道环保办工作人员"),
    "department": ("执法人员", "执法大队", "执法人员会同属地"),
}
"""Who goes to the site, by the kind of the lead unit."""


RETURN_REASONS = (
    "经核实，该点位不在本单位辖区，请重新分办",
    "反映问题不属于本单位职责范围，建议分办至{other}",
    "该地址实际位于{other}辖区，请核实后重新分办",
    "线索地址不详，无法确定位置，请补充信息后重新分办",
    "该问题此前已由{other}立案查处，建议由其继续办理",
)
EXTENSION_REASONS = (
    "需委托第三方检测机构出具监测报告，检测周期较长",
    "涉及多部门联合执法，需进一步协调",
    "整改工程量较大，需购置安装治污设施",
    "当事人外出，暂无法现场核实",
    "需等待雨季过后开展清淤整治",
    "涉及历史遗留问题，需制定整改方案报批",
)
DENY_REASONS = (
    "延期理由不充分，请按期办结",
    "该问题群众反映强烈，不予延期，请加快办理",
    "监测可先行反馈阶段性结果，不予延期",
)
REJECT_REASONS = (
    "反馈材料缺少现场照片，请补充",
    "整改措施不具体，请补充整改时限和责任人",
    "未说明处罚情况，请补充",
    "未回访举报人，请回访后重新反馈",
    "反馈内容与现场复核情况不一致，请重新核查",
)
VERIFICATION_REASONS = (
    "整改不到位：现场复核问题出现反弹，异味仍然明显",
    "处置流程不规范：缺少现场检查笔录",
    "整改不到位：举报人对办理结果不满意，反映问题未解决",
    "处置流程不规范：整改佐证材料不全",
)
"""Reasons of the demo's failed weekly verifications, as `failure_reason` writes them
(the result's name, then the verifier's note)."""
URGE_NOTES = (
    "该线索即将到期，请抓紧办理",
    "请加快办理进度，按期反馈",
    "该线索群众多次来电催办，请尽快办结",
)
OVERDUE_URGE_NOTES = (
    "线索已超期，请立即办理并说明超期原因",
    "已超期未办结，请于明日下班前反馈",
)
ASSIST_NOTES = (
    "已配合主办单位开展联合检查",
    "已提供该单位环评审批及排污许可资料",
    "已安排人员参与现场核查，相关情况已告知主办单位",
    "已对涉及本单位职责的问题同步督促整改",
    "已配合开展取样监测，监测结果已移交主办单位",
)
DISPATCH_NOTES = ("", "", "", "请按期办结", "请会同协办单位办理", "请高度重视，按时反馈", "")
APPROVE_NOTES = ("", "", "同意办结", "办理规范，同意办结", "")
APPROVE_EXTENSION_NOTES = ("", "同意延期", "同意延期，请在延长期限内办结")


def fill(rng: Random, sentences: tuple[str, ...], other: str = "") -> str:
    """One sentence of a pool, with {other} replaced by a unit name."""
    return one(rng, sentences).replace("{other}", other or "相关单位")


# --------------------------------------------------------------------------- the closed loop

SIGNOFF_NOTES = ("", "", "同意上报", "审签通过，同意反馈", "同意")
SIGNOFF_REJECTS = (
    "反馈内容不完整，请补充现场照片后重新提交",
    "整改措施表述不具体，请补充整改时限",
    "请补充检查笔录后重新上报",
    "核查结论与现场照片不符，请核实",
)
CALLBACK_NOTES: dict[str, tuple[str, ...]] = {
    "satisfied": ("", "", "举报人对办理结果表示满意", "电话回访，举报人表示问题已解决"),
    "basically": (
        "举报人表示基本满意，希望加强日常监管",
        "举报人认可处理结果，但担心问题反弹",
        "",
    ),
    "unsatisfied": (
        "举报人表示问题仍然存在，夜间依旧排放",
        "举报人对处理结果不满意，认为处罚过轻",
        "举报人称整改后问题反弹，要求再次核查",
    ),
    "unreached": (
        "三次拨打举报人电话均无人接听",
        "举报人电话已停机，无法回访",
        "举报人电话关机，已发送短信告知办理结果",
    ),
}
ANONYMOUS_CALLBACK = "举报人匿名且未留联系方式，无法回访"
CALLBACK_REJECTS = (
    "回访举报人不满意，请重新核查办理",
    "举报人反映问题仍未解决，请重新核查并反馈",
)
REOPEN_REASONS = (
    "办结后回访举报人不满意，问题出现反弹，请重新办理",
    "举报人回访不满意，反映问题未彻底解决，请重新办理",
)
DUPLICATE_NOTES = (
    "与在办线索反映同一问题，按重复件处理",
    "同一点位同一问题重复反映，并入原件办理",
    "",
)
DUPLICATE_INTROS = (
    "市民再次来电反映",
    "又有群众反映",
    "举报人再次反映",
)
RETURN_TO_CITY_REASONS = (
    "经核实，该点位位于{other}境内，不属本县区管辖，请市攻坚办转办",
    "反映地址跨县区，实际位于{other}，退回市级重新分办",
    "该企业注册地及生产地均在{other}，请转{other}办理",
)
TRANSFER_REASONS = (
    "经核实属{other}管辖，转{other}攻坚办办理",
    "根据属地管理原则，转{other}办理",
)
TAKE_OVER_REASONS = (
    "该问题群众反映强烈，市攻坚办提级办理",
    "涉及多个部门和县区，由市攻坚办提级督办",
    "省督察交办重点件，市攻坚办提级办理",
)
REFUSAL_REASONS: dict[str, tuple[str, ...]] = {
    "out_of_scope": (
        "反映的是邻里纠纷，不属于生态环境保护职责范围，已告知来电人向社区反映",
        "反映的是物业服务问题，已告知来电人向住建部门反映",
    ),
    "no_facts": (
        "来电未提供具体地址和被反映对象，无法核实",
        "反映内容笼统，无具体违法事实，已告知补充信息后再行反映",
    ),
    "already_settled": (
        "该问题已于近期依法处理完毕，来电人无新情况、新理由",
        "同一问题已办结并答复，本次反映无新情况",
    ),
    "in_litigation": ("该纠纷已进入诉讼程序，依法不予受理",),
    "other_channel": ("反映的劳动争议依法应通过劳动仲裁解决，已告知来电人",),
}
REFUSAL_GROUND_WEIGHTS = {
    "out_of_scope": 45,
    "no_facts": 25,
    "already_settled": 20,
    "in_litigation": 4,
    "other_channel": 6,
}
OVERRIDE_REASONS = (
    "整改通知书已送达，整改期内由属地持续跟踪，整改情况另行报送",
    "主要问题已整改到位，通知书复查待整改期满后进行，先行办结",
)

# --------------------------------------------------------------------------- notices

SERVICE_RELATIONS = ("法定代表人", "负责人", "环保专员", "办公室主任", "本人")
REINSPECTION_RECTIFIED = (
    "经复查，已按要求完成整改，现场未见问题",
    "经复查，治污设施已正常运行，整改到位",
    "经复查，已拆除违规设施并清理现场，整改到位",
)
REINSPECTION_NOT_RECTIFIED = (
    "经复查，整改期限届满仍未完成整改，问题依旧存在",
    "经复查，当事人未按要求整改，治污设施仍未运行",
)
CASE_RESULTS = (
    "已作出行政处罚决定，罚款{fine}万元，当事人已缴纳罚款并完成整改",
    "已依法作出处罚决定，罚款{fine}万元，案件执行完毕",
    "当事人已完成整改并缴纳罚款{fine}万元，依法结案",
)
NOT_RECTIFIED_REJECT = "整改通知书复查认定逾期未整改，请依法查处后重新反馈"


_SITE_DETAILS = (
    "现场未见有效的污染防治措施",
    "执法人员已现场拍照取证，并制作了现场检查（勘察）笔录",
    "经询问，现场负责人对上述情况予以确认",
    "现场未能提供污染防治设施运行台账",
)


def site_findings(rng: Random, category: Category, complaint: str) -> str:
    """What a handler writes as found on site: the problem of the category the complaint
    mentions (else one of the category's), with a detail of the inspection."""
    problems = [p for s in SCENARIOS if s.category is category for p in s.problems]
    named = [p for p in problems if p in complaint]
    problem = named[0] if named else one(rng, problems) if problems else "存在环境违法行为"
    return f"{problem}，{one(rng, _SITE_DETAILS)}。"
