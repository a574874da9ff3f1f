"""The lifecycle of each kind of cooperation record, and the periods its steps run on.

Periods are platform working rules set by the leading-group offices (the 15 working days of a
co-investigation follow 《市场监督管理行政处罚程序规定》第十九条); they are counted by the one deadline
module (core.deadlines), in Chinese working days.
"""

from __future__ import annotations

from ipshield.cooperation.choices import CoopAction as A
from ipshield.cooperation.choices import CoopKind as K
from ipshield.cooperation.choices import CoopStatus as S
from ipshield.core.deadlines import Period, Unit
from ipshield.core.workflow import Lifecycle

LEAD = Lifecycle(
    "lead",
    {
        (S.SENT, A.ACKNOWLEDGE): S.ACKNOWLEDGED,
        (S.SENT, A.ACCEPT): S.ACCEPTED,
        (S.ACKNOWLEDGED, A.ACCEPT): S.ACCEPTED,
        # Taken when the last receiver declines (one receiver's refusal changes only its own part).
        (S.SENT, A.DECLINE): S.DECLINED,
        (S.ACKNOWLEDGED, A.DECLINE): S.DECLINED,
        (S.SENT, A.WITHDRAW): S.WITHDRAWN,
        (S.ACKNOWLEDGED, A.WITHDRAW): S.WITHDRAWN,
        (S.ACCEPTED, A.FEEDBACK): S.FED_BACK,
    },
    states=S,
    events=A,
)

ASSISTANCE = Lifecycle(
    "assistance",
    {
        (S.SENT, A.ACKNOWLEDGE): S.ACKNOWLEDGED,
        (S.SENT, A.DECLINE): S.DECLINED,
        (S.ACKNOWLEDGED, A.DECLINE): S.DECLINED,
        (S.ACKNOWLEDGED, A.REPLY): S.REPLIED,
        (S.REPLIED, A.RETURN): S.ACKNOWLEDGED,  # 补充协查: the reply is kept, more is asked
        (S.REPLIED, A.CONFIRM): S.CLOSED,
        (S.SENT, A.WITHDRAW): S.WITHDRAWN,
        (S.ACKNOWLEDGED, A.WITHDRAW): S.WITHDRAWN,
    },
    states=S,
    events=A,
)

JOINT = Lifecycle(
    "joint",
    {
        (S.ACTIVE, A.JOIN): S.ACTIVE,
        (S.ACTIVE, A.DECLINE): S.ACTIVE,
        (S.ACTIVE, A.INVITE): S.ACTIVE,
        (S.ACTIVE, A.NOTE): S.ACTIVE,
        (S.ACTIVE, A.CLOSE): S.CLOSED,
    },
    states=S,
    events=A,
)

SUPERVISION = Lifecycle(
    "supervision",
    {
        (S.ACTIVE, A.REPORT): S.ACTIVE,
        (S.ACTIVE, A.COMPLETE_MILESTONE): S.ACTIVE,
        (S.ACTIVE, A.ADD_MILESTONE): S.ACTIVE,
        (S.ACTIVE, A.MOVE_MILESTONE): S.ACTIVE,
        (S.ACTIVE, A.REMIND): S.ACTIVE,
        (S.ACTIVE, A.CRITICIZE): S.ACTIVE,
        (S.ACTIVE, A.CLOSE): S.CLOSED,
    },
    states=S,
    events=A,
)

CAMPAIGN = Lifecycle(
    "campaign",
    {
        (S.PLANNED, A.START): S.ACTIVE,
        (S.PLANNED, A.LINK): S.PLANNED,
        (S.ACTIVE, A.LINK): S.ACTIVE,
        (S.ACTIVE, A.NOTE): S.ACTIVE,
        (S.ACTIVE, A.CONCLUDE): S.CONCLUDED,
    },
    states=S,
    events=A,
)

CONSULTATION = Lifecycle(
    "consultation",
    {
        (S.OPEN, A.REPLY): S.OPEN,
        (S.OPEN, A.DECLINE): S.OPEN,
        (S.OPEN, A.CONCLUDE): S.CONCLUDED,
        (S.OPEN, A.WITHDRAW): S.WITHDRAWN,
    },
    states=S,
    events=A,
)

LIFECYCLES: dict[str, Lifecycle[S, A]] = {
    K.LEAD: LEAD,
    K.ASSISTANCE: ASSISTANCE,
    K.JOINT: JOINT,
    K.SUPERVISION: SUPERVISION,
    K.CAMPAIGN: CAMPAIGN,
    K.CONSULTATION: CONSULTATION,
}

START_STATUS: dict[str, S] = {
    K.LEAD: S.SENT,
    K.ASSISTANCE: S.SENT,
    K.JOINT: S.ACTIVE,
    K.SUPERVISION: S.ACTIVE,
    K.CAMPAIGN: S.PLANNED,
    K.CONSULTATION: S.OPEN,
}

# States in which nothing more happens (no deadline runs, nothing is overdue).
FINISHED = frozenset({S.FED_BACK, S.DECLINED, S.WITHDRAWN, S.CLOSED, S.CONCLUDED})

# Periods (working days from the step that starts them).
LEAD_ANSWER = Period(10, Unit.WORKING_DAYS)  # accept or decline a lead
LEAD_ANSWER_URGENT = Period(3, Unit.WORKING_DAYS)
ASSISTANCE_DEFAULT = Period(15, Unit.WORKING_DAYS)  # 《市场监督管理行政处罚程序规定》第十九条
ASSISTANCE_SUPPLEMENT = Period(5, Unit.WORKING_DAYS)  # a reply sent back for more (补充答复)
ASSISTANCE_MIN_WORKING_DAYS = 3
CONSULTATION_DEFAULT = Period(5, Unit.WORKING_DAYS)
JOINT_ANSWER = Period(3, Unit.WORKING_DAYS)  # an invited agency confirms or declines
MAX_DUE_DAYS = 180  # a requested due date further out than this is a typo
REPEATED_DELAYS = 2  # missed milestones after which a supervised case is escalated
