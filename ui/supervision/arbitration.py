"""退单仲裁: tickets in 待仲裁 with every return (unit, reason code, text); the supervisor's ruling names the
lead unit and co-units and is final (the ticket is dispatched again). GUI thread; DB work on the worker."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.domain.clock import format_room_time
from console.services import supervision
from console.supervision_queries.arbitration import arbitration_queue
from console.supervision_queries.reference import unit_choices
from console.supervision_queries.rows import ArbitrationCase, UnitChoice
from ui.i18n import t
from ui.supervision.panels import Panel
from ui.supervision.pickers import UnitChecklist, UnitPicker
from ui.supervision.table import RowTable
from ui.unit_desk.ops import act, read


def _e(value: object) -> str:
    return html.escape(str(value or ""))


def case_html(case: ArbitrationCase) -> str:
    """The case as the supervisor reads it: the citizen's words, where, the duty item, every return."""
    returns = "".join(
        f"<li><b>{_e(r.unit_name)}</b> · {_e(t(r.reason_label) if r.reason_label else '')} · "
        f"{format_room_time(r.at)} {_e(r.by)}<br><i>{_e(r.text)}</i></li>" for r in case.returns)
    suggestion = ""
    if case.suggested_lead_name:
        co = t("、").join(u.name for u in case.suggested_co)
        suggestion = (f"<p>{t('清单建议')}{t('：')}{t('主办')} <b>{_e(case.suggested_lead_name)}</b>"
                      + (f"{t('；')}{t('协办')} {_e(co)}" if co else "") + "</p>")
    return (f"<h3 style='margin:0'>{_e(case.number)} {_e(case.title)}</h3>"
            f"<p>{_e(case.text)}</p><p>{_e(case.district)} {_e(case.street)} · {t('职责事项')} "
            f"{_e(case.item_code)} {_e(case.item_name)}</p>{suggestion}"
            f"<p><b>{t('退单记录（{n}）').format(n=len(case.returns))}</b></p><ol>{returns}</ol>")


SPLIT_STRETCH = (3, 4, 3)  # list, case, form
SIDE_BY_SIDE_WIDTH = 900  # below this the three parts are stacked


class ArbitrationPanel(Panel):
    def __init__(self, window: Any, parent: QWidget | None = None):
        super().__init__(window, parent)
        self.title = t("退单仲裁")
        self.cases: list[ArbitrationCase] = []
        self.units: list[UnitChoice] = []
        self.table = RowTable([t("工单"), t("标题"), t("退单次数"), t("转仲裁时间")], stretch=1)
        self.case_view = QTextBrowser()
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.lead: UnitPicker | None = None
        self.co: UnitChecklist | None = None
        self.ruling = QPlainTextEdit()
        self.ruling.setPlaceholderText(t("仲裁意见（必填，将记入时间线并通知各单位）"))
        self.ruling.setMaximumHeight(70)
        self.rule_button = QPushButton(t("裁定（最终）"))
        self.rule_button.clicked.connect(self._rule_clicked)
        self.problem = QLabel()
        self.problem.setStyleSheet("color:#c62828")
        # List, case and form side by side in the wide bottom dock (one above the other when the dock is
        # floated or docked narrow); each part keeps a usable size and the form scrolls when the dock is low.
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setWidget(self.form_host)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.case_view)
        self.splitter.addWidget(self.form_scroll)
        self.splitter.setChildrenCollapsible(False)
        for index, stretch in enumerate(SPLIT_STRETCH):
            self.splitter.setStretchFactor(index, stretch)
        self._moved_by_user = False
        self.splitter.splitterMoved.connect(self._splitter_moved)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.table.itemSelectionChanged.connect(self._show_case)
        self.table.doubleClicked.connect(lambda _i: self._locate())

    async def refresh(self) -> None:
        db = self.main.session.backend.ctx.db
        if not self.units:
            self.units = await read(self.main, unit_choices, db)
            self._build_form()
        self.cases = await read(self.main, arbitration_queue, db)
        cells = [(c.number, c.title, str(len(c.returns)), format_room_time(c.escalated_at)) for c in self.cases]
        self.table.set_rows(self.cases, cells)
        self._show_case()

    def _build_form(self) -> None:
        self.lead = UnitPicker(self.units)
        # Unit names are long: the picker shows about 16 characters and its popup the whole name.
        self.lead.setSizeAdjustPolicy(UnitPicker.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.lead.setMinimumContentsLength(16)
        self.co = UnitChecklist(self.units)
        self.co.list.setMaximumHeight(110)
        self.form.addRow(t("主办单位"), self.lead)
        self.form.addRow(t("协办单位"), self.co)
        self.form.addRow(t("仲裁意见"), self.ruling)
        self.form.addRow(self.problem)
        self.form.addRow(self.rule_button)
        self._fit()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Minimum sizes from the font, the orientation from the panel's width, and the parts' shares of the
        width (or height) until the user moves the splitter (and again when the orientation changes)."""
        metrics = self.fontMetrics()
        self.table.setMinimumWidth(metrics.horizontalAdvance("M") * 16)
        self.case_view.setMinimumWidth(metrics.horizontalAdvance("M") * 16)
        self.form_scroll.setMinimumWidth(min(self.form_host.minimumSizeHint().width()
                                             + self.form_scroll.verticalScrollBar().sizeHint().width(),
                                             metrics.horizontalAdvance("M") * 40))
        side_by_side = self.width() >= SIDE_BY_SIDE_WIDTH
        orientation = Qt.Orientation.Horizontal if side_by_side else Qt.Orientation.Vertical
        if orientation != self.splitter.orientation():
            self.splitter.setOrientation(orientation)
            self._moved_by_user = False
        total = self.width() if side_by_side else self.height()
        if total > 0 and not self._moved_by_user:
            whole = sum(SPLIT_STRETCH)
            self.splitter.setSizes([total * share // whole for share in SPLIT_STRETCH])

    def _splitter_moved(self, _pos: int, _index: int) -> None:
        self._moved_by_user = True

    def current_case(self) -> ArbitrationCase | None:
        case = self.table.current_object()
        return case if isinstance(case, ArbitrationCase) else None

    def _show_case(self) -> None:
        case = self.current_case()
        self.problem.clear()
        self.rule_button.setEnabled(case is not None)
        if case is None:
            self.case_view.setHtml(f"<p style='color:#777'>{t('没有待仲裁的工单')}</p>")
            return
        self.case_view.setHtml(case_html(case))
        if self.lead is not None and self.co is not None:
            self.lead.set_code(case.suggested_lead_code)
            self.co.set_codes(u.code for u in case.suggested_co)

    def _locate(self) -> None:
        case = self.current_case()
        if case is not None:
            self.main.focus_ticket(case.ticket_id)

    def _rule_clicked(self) -> None:
        case = self.current_case()
        if case is None or self.lead is None or self.co is None:
            return
        self.spawn(self.rule(case, self.lead.code(), self.co.codes(), self.ruling.toPlainText().strip()))

    async def rule(self, case: ArbitrationCase, lead: str, co: list[str], ruling: str) -> bool:
        """Confirm, then record the final ruling (lead and co-units); the ticket is dispatched again."""
        if not lead:
            self.problem.setText(t("请选择主办单位"))
            return False
        if not ruling:
            self.problem.setText(t("请填写仲裁意见"))
            return False
        co = [c for c in co if c != lead]
        names = {u.code: u.name for u in self.units}
        question = t("对工单 {number} 作出最终裁定：\n主办：{lead}\n协办：{co}\n\n"
                     "裁定后工单重新分拨，承办单位不能再以同样理由推诿。").format(
            number=case.number, lead=names.get(lead, lead), co=t("、").join(names.get(c, c) for c in co) or t("无"))
        if not await self.main.prompter.confirm(t("退单仲裁"), question):
            return False
        changed = await act(self.main, supervision.arbitrate, case.ticket_id, lead_unit=lead, co_units=co,
                            ruling=ruling, title=t("仲裁失败"),
                            done=t("已裁定 {number}：主办 {lead}").format(number=case.number,
                                                                          lead=names.get(lead, lead)))
        if changed is not None:
            self.ruling.clear()
        await self.refresh()
        return changed is not None
