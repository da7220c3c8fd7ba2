"""The window's settings: one typed wrapper over QSettings, checked on read, with upgrade steps."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import time
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from desktop.domain.calendar import OfficeHours

log = logging.getLogger("cluedesk.ui.settings")

ORGANIZATION = "cluedesk"
APPLICATION = "cluedesk"
VERSION_KEY = "settings/version"
SETTINGS_FILE = "settings.ini"
"""The settings file kept in each data folder."""
LANGUAGES: tuple[str, ...] = ("zh_CN", "en")
SYNC_MINUTES_RANGE = (1, 240)

T = TypeVar("T")


def open_settings() -> QSettings:
    """The user's settings file (INI format, organisation and application "cluedesk").

    Where every data folder's settings were kept before each had its own file; now the
    place a data folder's settings are copied from once (`folder_settings`).
    """
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def settings_path(data_dir: Path) -> Path:
    """The settings file of a data folder."""
    return Path(data_dir) / SETTINGS_FILE


def open_folder_settings(
    data_dir: Path, legacy: Callable[[], QSettings] = open_settings
) -> QSettings:
    """The settings file of a data folder (INI), made on its first use from the user's old one.

    The first start of a data folder that has no settings file copies every value of the
    user's settings file (`legacy`) into it once: the server, user, language and window
    layout the user had are still there, and from then on each folder keeps its own.
    """
    path = settings_path(data_dir)
    first_use = not path.exists()
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    if first_use:
        old = legacy()
        keys = old.allKeys()
        for key in keys:
            settings.setValue(key, old.value(key))
        settings.sync()
        if keys:
            log.info("settings copied into the data folder from %s", old.fileName())
    return settings


def check_server_url(text: str) -> str | None:
    """Why `text` is not a usable platform address (a sentence for the user), or None."""
    value = text.strip()
    if not value:
        return QCoreApplication.translate("Settings", "请填写平台地址。")
    lowered = value.lower()
    scheme = next((s for s in ("https://", "http://") if lowered.startswith(s)), None)
    if scheme is None:
        return QCoreApplication.translate(
            "Settings", "平台地址应以 http:// 或 https:// 开头，例如 https://hb.example.gov.cn。"
        )
    host = value[len(scheme) :].split("/", 1)[0]
    if not host or any(ch.isspace() for ch in value):
        return QCoreApplication.translate("Settings", "平台地址中缺少服务器名称，或含有空格。")
    return None


class Setting(Generic[T]):
    """One typed setting: a key, a default and how to read (validate) and write its value."""

    def __init__(self, key: str, default: T) -> None:
        self.key = key
        self.default = default

    def parse(self, raw: object) -> T:
        """The value of a stored `raw` value; raise ValueError when it is not valid."""
        raise NotImplementedError

    def dump(self, value: T) -> object:
        """What is stored for `value`."""
        return value

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> Setting[T]: ...
    @overload
    def __get__(self, obj: AppSettings, objtype: type | None = None) -> T: ...
    def __get__(self, obj: AppSettings | None, objtype: type | None = None) -> Setting[T] | T:
        if obj is None:
            return self
        return obj.read(self)

    def __set__(self, obj: AppSettings, value: T) -> None:
        obj.write(self, value)


class StrSetting(Setting[str]):
    """A text setting."""

    def parse(self, raw: object) -> str:
        if not isinstance(raw, str):
            raise ValueError(raw)
        return raw


class ServerUrlSetting(StrSetting):
    """A platform address: http:// or https://, or empty."""

    def parse(self, raw: object) -> str:
        value = super().parse(raw).strip()
        if value and check_server_url(value) is not None:
            raise ValueError(raw)
        return value

    def dump(self, value: str) -> object:
        return value.strip()


class OptionalStrSetting(Setting[str | None]):
    """A text setting that may be absent (stored as nothing)."""

    def parse(self, raw: object) -> str | None:
        if not isinstance(raw, str):
            raise ValueError(raw)
        return raw or None


class ChoiceSetting(StrSetting):
    """A text setting with a fixed set of values."""

    def __init__(self, key: str, default: str, choices: Sequence[str]) -> None:
        super().__init__(key, default)
        self.choices = tuple(choices)

    def parse(self, raw: object) -> str:
        value = super().parse(raw)
        if value not in self.choices:
            raise ValueError(raw)
        return value


class IntSetting(Setting[int]):
    """A whole number within [low, high]."""

    def __init__(self, key: str, default: int, low: int, high: int) -> None:
        super().__init__(key, default)
        self.low = low
        self.high = high

    def parse(self, raw: object) -> int:
        if isinstance(raw, bool):
            raise ValueError(raw)
        if isinstance(raw, str):
            raw = int(raw.strip())
        if not isinstance(raw, int) or not self.low <= raw <= self.high:
            raise ValueError(raw)
        return raw


class BoolSetting(Setting[bool]):
    """A yes/no setting."""

    def parse(self, raw: object) -> bool:
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in ("true", "1", "yes", "on"):
            return True
        if text in ("false", "0", "no", "off"):
            return False
        raise ValueError(raw)


class BytesSetting(Setting[bytes]):
    """Opaque bytes (window geometry, splitter and header states)."""

    def parse(self, raw: object) -> bytes:
        if isinstance(raw, QByteArray):
            return bytes(raw.data())
        if isinstance(raw, bytes | bytearray):
            return bytes(raw)
        raise ValueError(raw)

    def dump(self, value: bytes) -> object:
        return QByteArray(value)


class TimeSetting(Setting[time]):
    """A time of day, stored as HH:MM."""

    def parse(self, raw: object) -> time:
        if not isinstance(raw, str):
            raise ValueError(raw)
        hours, _, minutes = raw.strip().partition(":")
        return time(int(hours), int(minutes))

    def dump(self, value: time) -> object:
        return f"{value:%H:%M}"


_DEFAULT_HOURS = OfficeHours().periods
_OFFICE_KEYS = ("morning_start", "morning_end", "afternoon_start", "afternoon_end")


def _rename(settings: QSettings, renames: dict[str, str]) -> None:
    for old, new in renames.items():
        if settings.contains(old):
            if not settings.contains(new):
                settings.setValue(new, settings.value(old))
            settings.remove(old)


def _upgrade_to_2(settings: QSettings) -> None:
    """Version 1 kept the platform keys at the top level; they live under platform/ now."""
    _rename(
        settings,
        {
            "server": "platform/server_url",
            "user": "platform/username",
            "ca_bundle": "platform/ca_bundle",
            "sync_interval": "sync/interval_minutes",
        },
    )


UPGRADES: dict[int, Callable[[QSettings], None]] = {2: _upgrade_to_2}
"""Upgrade steps: the version a step upgrades to -> the step."""

CURRENT_VERSION = max(UPGRADES)


def upgrade(
    settings: QSettings, upgrades: dict[int, Callable[[QSettings], None]] = UPGRADES
) -> list[int]:
    """Run the upgrade steps a settings file has not had yet; return the versions reached."""
    current = max(upgrades)
    if not settings.allKeys():
        settings.setValue(VERSION_KEY, current)
        return []
    raw = settings.value(VERSION_KEY, 1)
    try:
        version = int(str(raw))
    except ValueError:
        version = 1
    if version > current:
        log.warning("settings written by a newer version (%s); not upgraded", version)
        return []
    done: list[int] = []
    for step in sorted(v for v in upgrades if v > version):
        log.info("upgrading settings to version %d", step)
        upgrades[step](settings)
        settings.setValue(VERSION_KEY, step)
        done.append(step)
    return done


class AppSettings:
    """The typed settings of the window; bad or old values read back as their defaults."""

    server_url = ServerUrlSetting("platform/server_url", "")
    username = StrSetting("platform/username", "")
    ca_bundle = OptionalStrSetting("platform/ca_bundle", None)
    device_kind = ChoiceSetting("platform/device_kind", "", ("", "office", "field"))
    """office (办公电脑) or field (外业笔记本); "" until chosen (then it is detected)."""
    sync_interval_minutes = IntSetting("sync/interval_minutes", 10, *SYNC_MINUTES_RANGE)
    notifications_enabled = BoolSetting("notifications/enabled", True)
    notify_new_tasks = BoolSetting("notifications/new_tasks", True)
    notify_warning_levels = BoolSetting("notifications/warning_levels", True)
    language = ChoiceSetting("ui/language", "zh_CN", LANGUAGES)
    window_geometry = BytesSetting("window/geometry", b"")
    window_state = BytesSetting("window/state", b"")
    splitter_state = BytesSetting("window/splitter_state", b"")
    table_header_state = BytesSetting("window/table_header_state", b"")
    last_data_dir = StrSetting("data/last_dir", "")
    prefer_official_fonts = BoolSetting("printing/prefer_official_fonts", True)
    print_font_dir = StrSetting("printing/font_dir", "")
    verification_plan = StrSetting("verification/plan", "")
    _morning_start = TimeSetting("office_hours/morning_start", _DEFAULT_HOURS[0][0])
    _morning_end = TimeSetting("office_hours/morning_end", _DEFAULT_HOURS[0][1])
    _afternoon_start = TimeSetting("office_hours/afternoon_start", _DEFAULT_HOURS[1][0])
    _afternoon_end = TimeSetting("office_hours/afternoon_end", _DEFAULT_HOURS[1][1])

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings if settings is not None else open_settings()
        self.upgraded = upgrade(self.settings)

    @classmethod
    def for_folder(cls, data_dir: Path) -> AppSettings:
        """The settings of a data folder: its settings.ini (see open_folder_settings)."""
        settings = cls(open_folder_settings(data_dir))
        settings.sync()  # the file exists from now on: the copy is made once
        return settings

    @property
    def version(self) -> int:
        """The version of the settings file's layout."""
        try:
            return int(str(self.settings.value(VERSION_KEY, CURRENT_VERSION)))
        except ValueError:
            return CURRENT_VERSION

    def read(self, setting: Setting[T]) -> T:
        """The value of `setting`, or its default when absent or not valid."""
        raw: Any = self.settings.value(setting.key)
        if raw is None:
            return setting.default
        try:
            return setting.parse(raw)
        except (ValueError, TypeError):
            log.warning("setting %s has a bad value %r; using the default", setting.key, raw)
            return setting.default

    def write(self, setting: Setting[T], value: T) -> None:
        """Store `value` for `setting` (None removes it)."""
        if value is None:
            self.settings.remove(setting.key)
        else:
            self.settings.setValue(setting.key, setting.dump(value))

    @property
    def office_hours(self) -> OfficeHours:
        """The morning and afternoon periods; the defaults when the stored ones do not fit."""
        times = [getattr(self, f"_{name}") for name in _OFFICE_KEYS]
        try:
            return OfficeHours(((times[0], times[1]), (times[2], times[3])))
        except ValueError:
            log.warning("stored office hours are not valid; using the defaults")
            return OfficeHours()

    @office_hours.setter
    def office_hours(self, hours: OfficeHours) -> None:
        if len(hours.periods) != 2:
            raise ValueError("office hours need a morning and an afternoon period")
        (ms, me), (as_, ae) = hours.periods
        for name, value in zip(_OFFICE_KEYS, (ms, me, as_, ae), strict=True):
            setattr(self, f"_{name}", value)

    @property
    def morning_start(self) -> time:
        """When the morning period starts."""
        return self.office_hours.periods[0][0]

    @property
    def morning_end(self) -> time:
        """When the morning period ends."""
        return self.office_hours.periods[0][1]

    @property
    def afternoon_start(self) -> time:
        """When the afternoon period starts."""
        return self.office_hours.periods[1][0]

    @property
    def afternoon_end(self) -> time:
        """When the afternoon period ends."""
        return self.office_hours.periods[1][1]

    def sync(self) -> None:
        """Write pending changes to the settings file."""
        self.settings.sync()
