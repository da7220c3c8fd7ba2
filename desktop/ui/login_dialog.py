"""Signing in: the login dialog (platform address, user, password, CA bundle), the demo choice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.demo.city import DemoCity, load_city
from desktop.sync.device_kind import detect_device_kind
from desktop.ui.file_dialogs import Mode, Purpose, file_dialog
from desktop.ui.labels import label
from desktop.ui.screen_fit import fit_to_screen, scrolling
from desktop.ui.settings import AppSettings, check_server_url

DEMO_KEYS: tuple[str, ...] = ("township", "department", "county", "supervisor")
"""The demo accounts offered, by their key in `DemoCity.demo_accounts()`."""


@dataclass(frozen=True)
class LoginValues:
    """What the user typed into the login dialog."""

    server_url: str
    username: str
    password: str
    ca_bundle: str | None
    device_kind: str = "office"


class DeviceKindBox(QComboBox):
    """本机类型: an office PC or a field laptop (the platform may ask the latter to encrypt
    its store); shows the remembered kind, or the detected one (a battery: a laptop)."""

    def __init__(self, remembered: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("device_kind")
        self.addItem(self.tr("办公电脑"), "office")
        self.addItem(self.tr("外业笔记本"), "field")
        self.setToolTip(
            self.tr("外业笔记本会带出办公室，平台可能要求加密其本机线索库。下次登录时生效。")
        )
        self.set_kind(remembered or detect_device_kind())

    def kind(self) -> str:
        """office or field."""
        return str(self.currentData())

    def set_kind(self, kind: str) -> None:
        """Show `kind` (office for an unknown one)."""
        self.setCurrentIndex(max(0, self.findData(kind)))


def error_label() -> QLabel:
    """A label for an error message inside a dialog (hidden until there is one)."""
    widget = QLabel()
    widget.setObjectName("error")
    widget.setWordWrap(True)
    widget.setStyleSheet("color: #b00020;")
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    widget.hide()
    return widget


class CaBundlePicker(QWidget):
    """A file field with a browse button for the platform's CA certificate bundle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.dialog: QFileDialog | None = None
        self.edit.setObjectName("ca_bundle")
        self.edit.setPlaceholderText(self.tr("留空则使用系统证书"))
        self.browse = QPushButton(self.tr("浏览…"))
        self.browse.clicked.connect(self.choose)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse)

    def choose(self) -> QFileDialog:
        """Ask for the certificate file (non-blocking; returns the dialog)."""
        dialog = file_dialog(
            self,
            self.tr("选择 CA 证书文件"),
            Purpose.CERTIFICATE,
            Mode.OPEN_FILE,
            name_filters=[self.tr("证书文件 (*.pem *.crt *.cer)"), self.tr("所有文件 (*)")],
        )
        current = Path(self.edit.text().strip())
        if current.name and current.parent.is_dir():
            dialog.setDirectory(str(current.parent))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.edit.setText)
        dialog.open()
        self.dialog = dialog
        return dialog

    def value(self) -> str | None:
        """The chosen file, or None."""
        return self.edit.text().strip() or None

    def problem(self) -> str | None:
        """Why the chosen file cannot be used, or None."""
        value = self.value()
        if value is not None and not Path(value).is_file():
            return self.tr("CA 证书文件不存在：{0}").format(value)
        return None


class LoginDialog(QDialog):
    """Asks for the platform address, user name and password; the caller does the login.

    On a valid OK the dialog emits `submitted`; by default it then closes (accepted), and the
    caller logs in and reopens it with `show_error` on failure. With `stay_open=True` it stays
    open and busy until the caller calls `succeeded()` or `show_error()`.
    The address and user name (never the password) are remembered in the settings.
    """

    submitted = Signal(object)

    def __init__(
        self,
        settings: AppSettings | None = None,
        parent: QWidget | None = None,
        *,
        stay_open: bool = False,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.stay_open = stay_open
        self.setWindowTitle(self.tr("登录市级平台"))
        self.setMinimumWidth(420)
        self.server_url = QLineEdit(settings.server_url if settings else "")
        self.server_url.setObjectName("server_url")
        self.server_url.setPlaceholderText("https://")
        self.username = QLineEdit(settings.username if settings else "")
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.ca_bundle = CaBundlePicker()
        if settings is not None and settings.ca_bundle:
            self.ca_bundle.edit.setText(settings.ca_bundle)
        self.device_kind = DeviceKindBox(settings.device_kind if settings else "")

        form = QFormLayout()
        form.addRow(self.tr("平台地址："), self.server_url)
        form.addRow(self.tr("用户名："), self.username)
        form.addRow(self.tr("密码："), self.password)
        form.addRow(self.tr("本机类型："), self.device_kind)

        self.advanced_toggle = QToolButton()
        self.advanced_toggle.setText(self.tr("高级"))
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced = QWidget()
        advanced_form = QFormLayout(self.advanced)
        advanced_form.setContentsMargins(0, 0, 0, 0)
        advanced_form.addRow(self.tr("CA 证书："), self.ca_bundle)
        self.advanced_toggle.toggled.connect(self._show_advanced)
        self._show_advanced(bool(self.ca_bundle.value()))

        self.error = error_label()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("登录"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.advanced_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.advanced)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self._inputs: list[QWidget] = [
            self.server_url,
            self.username,
            self.password,
            self.device_kind,
            self.ca_bundle,
            self.advanced_toggle,
        ]
        first_empty = next((w for w in (self.server_url, self.username) if not w.text()), None)
        (first_empty or self.password).setFocus()
        fit_to_screen(self)

    def _show_advanced(self, shown: bool) -> None:
        self.advanced_toggle.setChecked(shown)
        self.advanced_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.advanced.setVisible(shown)

    def values(self) -> LoginValues:
        """What the user typed (address and user name stripped)."""
        return LoginValues(
            server_url=self.server_url.text().strip().rstrip("/"),
            username=self.username.text().strip(),
            password=self.password.text(),
            ca_bundle=self.ca_bundle.value(),
            device_kind=self.device_kind.kind(),
        )

    def problem(self) -> tuple[QWidget, str] | None:
        """The first field that is not valid and why, or None."""
        values = self.values()
        url_problem = check_server_url(values.server_url)
        if url_problem is not None:
            return self.server_url, url_problem
        if not values.username:
            return self.username, self.tr("请填写用户名。")
        if not values.password:
            return self.password, self.tr("请填写密码。")
        ca_problem = self.ca_bundle.problem()
        if ca_problem is not None:
            self._show_advanced(True)
            return self.ca_bundle.edit, ca_problem
        return None

    def submit(self) -> None:
        """OK: check the fields; when they are valid, hand the values to the caller."""
        problem = self.problem()
        if problem is not None:
            widget, message = problem
            self.show_error(message)
            widget.setFocus()
            return
        self.clear_error()
        values = self.values()
        self.submitted.emit(values)
        if self.stay_open:
            self.set_busy(True)
        else:
            self.remember()
            self.accept()

    def succeeded(self) -> None:
        """The caller's login worked: remember the address and user, and close."""
        self.set_busy(False)
        self.remember()
        self.accept()

    def remember(self) -> None:
        """Save the address, user name and CA bundle (not the password) in the settings."""
        if self.settings is None:
            return
        values = self.values()
        self.settings.server_url = values.server_url
        self.settings.username = values.username
        self.settings.ca_bundle = values.ca_bundle
        self.settings.device_kind = values.device_kind

    def show_error(self, text: str) -> None:
        """Show a message in the dialog; it stays open with what the user typed."""
        self.set_busy(False)
        self.error.setText(text)
        self.error.show()

    def clear_error(self) -> None:
        """Hide the error message."""
        self.error.clear()
        self.error.hide()

    def set_busy(self, busy: bool) -> None:
        """While the caller logs in: inputs disabled, a busy indicator shown."""
        for widget in self._inputs:
            widget.setEnabled(not busy)
        self.ok_button.setEnabled(not busy)
        self.busy.setVisible(busy)
        if busy:
            self.clear_error()

    def is_busy(self) -> bool:
        """Whether the dialog waits for the caller's login."""
        return not self.ok_button.isEnabled()


class DemoAccountDialog(QDialog):
    """Pick the demo account to try the client with; `username()` is the choice."""

    def __init__(
        self,
        city: DemoCity | None = None,
        parent: QWidget | None = None,
        keys: Sequence[str] = DEMO_KEYS,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("选择演示账号"))
        city = city if city is not None else load_city()
        accounts = city.demo_accounts()
        descriptions = {
            "township": self.tr("乡镇（街道）办理人员：签收、办理、反馈本辖区的线索"),
            "department": self.tr("职能部门办理人员：签收、办理交给本部门的线索"),
            "county": self.tr("县区攻坚办：分办、审核、办结，审批延期"),
            "supervisor": self.tr("纪委监委：只读查看，关注三级预警"),
            "city": self.tr("市攻坚办：全市的分办与审核"),
            "admin": self.tr("系统管理员"),
        }
        intro = QLabel(self.tr("演示平台在本机运行，所有账号的密码相同。请选择以哪个身份登录："))
        intro.setWordWrap(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.buttons_by_username: dict[str, QRadioButton] = {}
        for key in keys:
            user = accounts[key]
            unit = city.unit(user.unit_code)
            text = self.tr("{0}（{1}）— {2}，{3}").format(
                unit.name, user.username, user.display_name, label(user.role)
            )
            button = QRadioButton(text)
            button.setObjectName(f"demo_{key}")
            button.setToolTip(descriptions.get(key, ""))
            self.group.addButton(button)
            self.buttons_by_username[user.username] = button
            layout.addWidget(button)
            hint = QLabel(descriptions.get(key, ""))
            hint.setIndent(24)
            hint.setEnabled(False)
            layout.addWidget(hint)
        first = next(iter(self.buttons_by_username.values()), None)
        if first is not None:
            first.setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("进入演示"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(page), 1)  # the accounts scroll on a small screen
        outer.addWidget(buttons)
        self.button_box = buttons
        fit_to_screen(self, page.sizeHint() + QSize(40, 80))

    def username(self) -> str:
        """The chosen demo account's user name."""
        for username, button in self.buttons_by_username.items():
            if button.isChecked():
                return username
        return ""

    def select(self, username: str) -> None:
        """Choose an account by user name."""
        self.buttons_by_username[username].setChecked(True)
