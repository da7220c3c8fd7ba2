"""Phrase material for the demo city: names, phones, complaint scenarios and clerks' notes.

Texts are combined from parts at random (with the caller's seeded generator), so that a big
demo store reads like real work and does not repeat itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from random import Random

from desktop.domain.codes import Category, Channel

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
    return rng.choice(_INTROS[channel])


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

    `subject` is one of company, shop, site, farm, person, estate, facility, unknown;
    `duty` names the responsible department (eco, agri, transport, urban, housing, water,
    land) or is empty when the township handles it; `areas` limits the scenario to some
    area codes (empty: everywhere).
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
        "shop",
        ("广告公司", "商场"),
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
)
"""The complaint scenarios the descriptions are made of."""

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
    problem = rng.choice(scenario.problems)
    if scenario.category is Category.WATER and rng.random() < 0.7:
        problem = problem.replace("河道", river).replace("河沟", river)
    if channel is Channel.ONLINE_MONITORING and scenario.category in _POLLUTANTS:
        name, unit, limit = rng.choice(_POLLUTANTS[scenario.category])
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
            f"卫星遥感监测发现{address}附近存在疑似{rng.choice(kinds)}图斑（编号LYG-{number}，"
            f"面积约{area}亩），{rng.choice(_SENSED_TAILS)}。"
        )
    head = intro(rng, channel)
    when = rng.choice(_WHEN)
    impact = rng.choice(scenario.impacts)
    duration = rng.choice(_DURATIONS)
    tail = f"{duration}，" if duration else ""
    if scenario.subject == "unknown":
        place = f"{address}附近"
    elif scenario.subject == "person" or not subject:
        place = f"{address}附近，{subject}" if subject else f"{address}附近有人"
    else:
        place = f"位于{address}的{subject}"
    return f"{head}：{place}{when}{problem}，{impact}，{tail}{rng.choice(_DEMANDS)}。"


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


def report_text(rng: Random, scenario: Scenario, subject: str, checker: str, reporter: bool) -> str:
    """The handling result a lead unit reports back; `checker` names who went to the site."""
    roll = rng.random()
    if reporter and rng.random() < 0.6:
        follow_up = rng.choice(_REPORTER_FOLLOW_UPS)
    else:
        follow_up = rng.choice(_FOLLOW_UPS)
    if roll >= 0.82:
        explained = "已向举报人解释说明" if reporter else rng.choice(_NOT_FOUND)
        return f"经{checker}现场核查，未发现反映的问题。{explained}。"
    finding = "反映问题属实" if roll < 0.62 else "反映问题部分属实"
    measure = rng.choice(scenario.measures).replace("{fine}", str(rng.choice((1, 2, 3, 5, 8, 10))))
    target = f"针对{subject}存在的问题，" if subject and rng.random() < 0.5 else ""
    return f"经{checker}现场核查，{finding}。{target}{measure}。{follow_up}。"


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
    "每周核查发现：现场复核整改不到位，问题出现反弹",
    "每周核查发现：处置流程不规范，缺少现场检查笔录",
    "每周核查发现：举报人对办理结果不满意，反映问题未解决",
    "每周核查发现：整改佐证材料不全",
)
URGE_NOTES = (
    "该线索即将到期，请抓紧办理",
    "请加快办理进度，按期反馈",
    "该线索群众多次来电催办，请尽快办结",
)
OVERDUE_URGE_NOTES = (
    "线索已超期，请立即办理并说明超期原因",
    "已超期未办结，请于明日下班前反馈",
)
SUPERVISION_URGE_NOTES = (
    "纪委监委督办：该线索已触发三级预警，请于两个工作日内办结并书面说明超期原因",
    "纪委监委督办：请说明超期未办结原因，逾期将启动问责程序",
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
    return rng.choice(sentences).replace("{other}", other or "相关单位")
