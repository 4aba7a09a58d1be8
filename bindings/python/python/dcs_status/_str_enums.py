"""The bodies of the ``str`` enums of ``dcs_status._enums`` (docstrings, properties),
each registered with the core's constant its members come from; imported by
``_enums`` on the first use of one of them.
"""

from ._enums import _str_enum


def _attach_class(member, row):
    _, member._base_code_, member._is_error_ = row


@_str_enum("StatusClass", "CLASSES", _attach_class)
class _StatusClass:
    """The class of a status code, by its first digit (RFC 9110 §15).

    Values are the core's names: ``"informational"``, ``"success"``,
    ``"redirection"``, ``"client_error"``, ``"server_error"``.

    >>> from dcs_status import StatusClass
    >>> StatusClass.CLIENT_ERROR.value, StatusClass.CLIENT_ERROR.base_code
    ('client_error', 400)
    >>> StatusClass("server_error").is_error
    True
    """

    @property
    def base_code(self):
        """The ``x00`` code that stands for the class (100, ..., 500)."""
        return self._base_code_

    @property
    def is_error(self):
        """Whether the class reports an error (4xx, 5xx)."""
        return self._is_error_


def _attach_advice(member, row):
    _, member._explanation_ = row


@_str_enum("RetryAdvice", "RETRY_ADVICES", _attach_advice)
class _RetryAdvice:
    """What the document advises about retrying a status code.

    ``NONE`` (not an error), ``RETRY`` (re-initiate as is), ``RETRY_AFTER`` (after the
    Retry-After time), ``MODIFY_REQUEST`` or ``UNSPECIFIED`` (no advice). ``decide``
    turns it into a decision.

    >>> from dcs_status import RetryAdvice
    >>> RetryAdvice.MODIFY_REQUEST.explanation
    'modify the request instead of re-initiating it'
    """

    @property
    def explanation(self):
        """The advice as a sentence for people (the core's)."""
        return self._explanation_


@_str_enum("LookupKind", "LOOKUP_KINDS")
class _LookupKind:
    """How a code relates to the table (see ``lookup``).

    ``DOCUMENTED`` (the table has it), ``UNRECOGNIZED`` (100–599, read as its class's
    ``x00`` code) or ``INVALID`` (600–999, handled as 500).
    """


@_str_enum("RetryAction", "ACTIONS")
class _RetryAction:
    """What a client should do about a response (see ``Decision``).

    ``DO_NOT_RETRY``, ``RETRY_AFTER`` (after the server's delay) or
    ``RETRY_WITH_BACKOFF`` (after a delay of the caller's own policy).
    """


def _attach_explanation(member, row):
    member._explanation_ = row[1]


@_str_enum("ErrorAdvice", "ERROR_ADVICES", _attach_explanation)
class _ErrorAdvice:
    """What the catalogue's Solution advises about an error code
    (``CatalogueEntry.advice``), read by the core's rules.

    ``RETRY_LATER`` (the condition is temporary: the instance is restarting, backing
    up, running a job), ``CONTACT_SUPPORT``, ``FIX_REQUEST``, ``NOT_ALLOWED`` or
    ``UNSPECIFIED``.

    >>> from dcs_status import ErrorAdvice
    >>> ErrorAdvice.RETRY_LATER.explanation
    'try again later: the condition is temporary'
    """

    @property
    def explanation(self):
        """The value as a sentence for people (the core's)."""
        return self._explanation_


@_str_enum("Jitter", "JITTERS", _attach_explanation)
class _Jitter:
    """How a backoff delay is drawn below its ceiling (``RetryPolicy.jitter``):
    ``FULL``, ``EQUAL``, ``NONE`` or ``DECORRELATED``.

    >>> from dcs_status import Jitter
    >>> Jitter.FULL.explanation
    'full jitter: a uniform draw between zero and the ceiling'
    """

    @property
    def explanation(self):
        """The value as a sentence for people (the core's)."""
        return self._explanation_


@_str_enum("RetryCategory", "RETRY_CATEGORIES", _attach_explanation)
class _RetryCategory:
    """The kind of failure a retry answers, which picks its base delay and budget cost:
    ``TRANSIENT``, ``THROTTLE`` or ``BUSY``.

    >>> from dcs_status import RetryCategory
    >>> RetryCategory.BUSY.explanation.startswith("the instance is busy")
    True
    """

    @property
    def explanation(self):
        """The value as a sentence for people (the core's)."""
        return self._explanation_


def _attach_reason(member, row):
    _, member._explanation_, member._is_retry_ = row


@_str_enum("RetryReason", "RETRY_REASONS", _attach_reason)
class _RetryReason:
    """Why a ``RetryStep`` retries or stops: the rule that matched, or what stopped its
    retry (the rules are the core's, in the order of the members).

    >>> from dcs_status import RetryReason
    >>> RetryReason.BUSY.is_retry, RetryReason.DEADLINE.is_retry
    (True, False)
    >>> RetryReason.NOT_IDEMPOTENT.explanation.startswith("a server error or no response")
    True
    """

    @property
    def explanation(self):
        """The value as a sentence for people (the core's)."""
        return self._explanation_

    @property
    def is_retry(self):
        """Whether a step with this reason retries."""
        return self._is_retry_


@_str_enum("StepAction", "STEP_ACTIONS", _attach_explanation)
class _StepAction:
    """Whether to send the request again (``RetryStep.action``): ``RETRY`` or
    ``DO_NOT_RETRY``.

    >>> from dcs_status import StepAction
    >>> StepAction.RETRY.explanation
    'wait for the delay, then send the request again'
    """

    @property
    def explanation(self):
        """The value as a sentence for people (the core's)."""
        return self._explanation_
