"""Settings per data folder: each folder keeps its own settings.ini; the first start of a
folder without one copies the user's old settings file once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.ui.settings import (
    SETTINGS_FILE,
    AppSettings,
    open_folder_settings,
    open_settings,
    settings_path,
)


def ini(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def test_two_data_folders_keep_different_values(tmp_path: Path) -> None:
    county, township = tmp_path / "county", tmp_path / "township"
    first = AppSettings.for_folder(county)
    first.server_url = "https://hb.example.gov.cn"
    first.username = "haizhou"
    first.language = "en"
    first.sync()
    second = AppSettings.for_folder(township)
    second.username = "xinhai"
    second.sync_interval_minutes = 5
    second.sync()

    again = AppSettings.for_folder(county)
    assert (again.username, again.language, again.sync_interval_minutes) == ("haizhou", "en", 10)
    other = AppSettings.for_folder(township)
    assert (other.username, other.language, other.sync_interval_minutes) == ("xinhai", "zh_CN", 5)
    assert other.server_url == ""
    assert settings_path(county) == county / SETTINGS_FILE and settings_path(county).is_file()
    assert AppSettings().username == ""  # the user's settings file was not written


def test_the_old_settings_are_copied_once_into_a_new_folder(tmp_path: Path) -> None:
    old_file = tmp_path / "config" / "cluedesk.ini"
    old = AppSettings(ini(old_file))
    old.server_url = "https://hb.example.gov.cn"
    old.username = "hzhb"
    old.language = "en"
    old.window_geometry = b"\x01\x02geometry"
    old.sync()
    folder = tmp_path / "data"

    copied = AppSettings(open_folder_settings(folder, legacy=lambda: ini(old_file)))
    copied.sync()
    assert copied.server_url == "https://hb.example.gov.cn"
    assert copied.username == "hzhb"
    assert copied.language == "en"
    assert copied.window_geometry == b"\x01\x02geometry"

    copied.language = "zh_CN"  # the folder's own change from now on
    copied.sync()
    old.username = "changed later"
    old.sync()
    again = AppSettings(open_folder_settings(folder, legacy=lambda: ini(old_file)))
    assert again.language == "zh_CN"  # not copied over a second time
    assert again.username == "hzhb"
    assert AppSettings(ini(old_file)).language == "en"  # the old file is left as it was


def test_a_first_start_without_old_settings_makes_the_folder_file(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    settings = AppSettings.for_folder(folder)
    assert settings.language == "zh_CN"
    assert settings_path(folder).is_file()  # made now: a later start copies nothing
    old = AppSettings(open_settings())
    old.language = "en"
    old.sync()
    assert AppSettings.for_folder(folder).language == "zh_CN"
