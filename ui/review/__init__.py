"""The review desk (人工复核台) and the routing-quality view, plugged in through ``ui.review.extension``.

- ``extension``: 工单 → 人工复核台… (Ctrl+R; dispatchers, supervisors) and 管理 → 分拨质量… (Ctrl+Shift+Q;
  supervisors, admins).
- ``desk``: the desk window — pending list from the window's live ``QueueModel`` by dispatch deadline,
  keys, the next ticket after each decision.
- ``pending_model``: the list's table model (countdown, urgency icon, 已转值班长, claimed by).
- ``card_view``: the review card — highlighted text, top 3 with confidence bars and paths, location
  evidence, the decision being prepared, urgency, probable duplicates.
- ``controller``: decisions — accept, take 1/2/3, item picker, lead/co pickers, correction reason,
  escalate, merge.
- ``draft``: the decision being prepared and what counts as accepting the suggestion.
- ``pickers``: keyboard-first search dialogs (duty items by keywords, code, pinyin initials; units; merge
  target) and the correction-reason dialog.
- ``highlight`` (text + spans → runs and HTML), ``reasons`` (the engine's urgency reasons translated).
- ``quality_view``: the supervisors' figures; ``screenshot``: ``python -m ui.review.screenshot``.

The desk is a separate top-level window, so its single-letter keys never reach the main window's actions
(and the main window's C/D/R/U never act from the desk). Read side: ``console.review_desk``.
"""
