"""The recovery dialog: the store is damaged; restore the latest good backup (or another one, or a
new store) and resync, keeping the damaged file and the pending actions still readable in it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.store.backups import (
    DAILY,
    MANUAL,
    PRE_RESTORE,
    PREMIGRATE,
    Backup,
    backup_dir,
    latest_good_backup,
)
from desktop.store.database import DB_FILE
from desktop.store.recovery import missing_from, read_salvage
from desktop.ui.file_dialogs import Mode, Purpose, file_dialog


@dataclass(frozen=True)
class RecoveryOffer:
    """What the dialog offers: the latest good backup (if any) and what restoring costs."""

    data_dir: Path
    latest: Backup | None
    unsent: int
    """Pending actions readable from the damaged file that the backup does not hold."""
    readable: bool
    """Whether the damaged file's outbox could be read completely."""


def recovery_offer(data_dir: Path) -> RecoveryOffer:
    """Look for the latest good backup and count the actions only the damaged file holds
    (a worker's job: it reads the backups and the damaged file)."""
    latest = latest_good_backup(data_dir)
    db_path = Path(data_dir) / DB_FILE
    salvage = read_salvage(db_path) if db_path.is_file() else None
    if salvage is None:
        unsent, readable = 0, False
    elif latest is not None:
        unsent, readable = missing_from(salvage, latest.path), salvage.complete
    else:
        unsent, readable = len(salvage.pending()), salvage.complete
    return RecoveryOffer(Path(data_dir), latest, unsent, readable)


class RecoveryDialog(QDialog):
    """Offers the way back from a damaged store; emits `restore_requested` with the backup's
    path (None: a new store), or is rejected (退出)."""

    restore_requested = Signal(object)

    def __init__(self, offer: RecoveryOffer, problem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offer = offer
        self.setWindowTitle(self.tr("线索库已损坏"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        db_path = offer.data_dir / DB_FILE
        intro = self.tr(
            "本机线索库文件 {0} 已损坏，无法打开。cluedesk 没有改动它：恢复时会把它改名保留在"
            "数据目录中，不会删除。"
        ).format(db_path)
        self.intro = self._label(intro)
        layout.addWidget(self.intro)
        unsent = self.tr("本机在备份之后尚未上传的操作：{0} 条（从损坏的文件中能读出的会保留）")
        if offer.latest is not None:
            latest = offer.latest
            found = self.tr("最近的可用备份：{0}（{1}）").format(
                latest.taken_at.strftime("%Y-%m-%d %H:%M"), self._kind(latest.kind)
            )
            cost = self.tr(
                "恢复后将重新与平台同步，备份之后在平台上发生的变化会重新下载；"
            ) + unsent.format(offer.unsent)
        else:
            found = self.tr("没有找到可用的备份。")
            cost = self.tr(
                "可以新建线索库并从平台重新下载线索（需要重新登录）；"
                "本机尚未上传的操作：{0} 条（从损坏的文件中能读出的会保留）"
            ).format(offer.unsent)
        self.found = self._label(found)
        self.found.setStyleSheet("font-weight: bold")
        layout.addWidget(self.found)
        self.cost = self._label(cost)
        layout.addWidget(self.cost)
        note = self.tr("附件文件不在备份中，需要时会从平台重新下载。")
        if not offer.readable:
            note += self.tr("损坏的文件中有部分内容无法读取，其中的操作可能无法全部取回。")
        layout.addWidget(self._label(note))
        self.details = self._label(problem)
        self.details.setStyleSheet("color: palette(mid)")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox()
        if offer.latest is not None:
            self.restore_button = QPushButton(self.tr("恢复最近的备份并重新同步"))
        else:
            self.restore_button = QPushButton(self.tr("新建线索库并重新同步"))
        self.choose_button = QPushButton(self.tr("选择其他备份…"))
        self.quit_button = QPushButton(self.tr("退出"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self._restore_latest)
        self.choose_button.clicked.connect(self.choose_other)
        self.quit_button.clicked.connect(self.reject)
        self.file_dialog: QWidget | None = None

    def _kind(self, kind: str) -> str:
        names = {
            DAILY: self.tr("每日备份"),
            PREMIGRATE: self.tr("升级前备份"),
            MANUAL: self.tr("手动备份"),
            PRE_RESTORE: self.tr("恢复前保存的线索库"),
        }
        return names.get(kind, kind)

    def _label(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def _restore_latest(self) -> None:
        latest = self.offer.latest
        self.choose(latest.path if latest is not None else None)

    def choose(self, backup: Path | None) -> None:
        """Restore `backup` (None: start a new store)."""
        self.accept()
        self.restore_requested.emit(backup)

    def choose_other(self) -> None:
        """Pick another backup file (in the data folder's backups/ to begin with)."""
        dialog = file_dialog(
            self,
            self.tr("选择要恢复的备份"),
            Purpose.RESTORE_BACKUP,
            Mode.OPEN_FILE,
            name_filters=[self.tr("线索库备份 (*.sqlite3)"), self.tr("所有文件 (*)")],
        )
        folder = backup_dir(self.offer.data_dir)
        if folder.is_dir():
            dialog.setDirectory(str(folder))
        dialog.fileSelected.connect(lambda name: self.choose(Path(name)))
        self.file_dialog = dialog
        dialog.open()
