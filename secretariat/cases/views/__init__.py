"""The case inbox (queue.py: the work queue, its bulk routing and its download) and the case page (case.py)."""

from secretariat.cases.views.case import case_detail as case_detail
from secretariat.cases.views.case import case_step as case_step
from secretariat.cases.views.exports import inbox_export as inbox_export
from secretariat.cases.views.queue import inbox as inbox
from secretariat.cases.views.queue import inbox_assign as inbox_assign
