//! The table of the "Status Codes" page (dcs-api-0312043): the one definition every
//! other part of the project derives from.
//!
//! Each row gives the code, the constant's name (which is also the entry's
//! [`Status::ident`]), DCS's name, the IANA reason phrase, the retry advice and DCS's
//! description, verbatim. `tests/table_matches_document.rs` parses the project's copy
//! of the document and checks this table against it entry by entry.

use core::ffi::CStr;
use core::fmt;

use crate::static_text::StaticText;
use crate::{Class, RetryAdvice};

/// One entry of the DCS status-code table.
///
/// Entries are `'static`: get one from a constant ([`Status::NOT_FOUND`]), from
/// [`Status::from_code`], from [`crate::from_name`] or from [`Status::all`].
///
/// ```
/// use dcs_status::{Class, Status};
///
/// let s = Status::SERVER_TIMEOUT;
/// assert_eq!(s.code(), 504);
/// assert_eq!(s.name(), "ServerTimeout");       // DCS's name
/// assert_eq!(s.ident(), "SERVER_TIMEOUT");     // for constants in every language
/// assert_eq!(s.phrase(), "Gateway Timeout");   // IANA reason phrase
/// assert_eq!(s.class(), Class::ServerError);
/// assert_eq!(s.to_string(), "504 Gateway Timeout");
/// ```
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Status {
    code: u16,
    index: u8,
    ident: StaticText,
    name: StaticText,
    phrase: StaticText,
    retry_advice: RetryAdvice,
    description: StaticText,
}

impl Status {
    /// The numeric status code.
    pub const fn code(&self) -> u16 {
        self.code
    }

    /// The entry's position in [`Status::all`] (0 for the first, in code order).
    ///
    /// ```
    /// use dcs_status::Status;
    ///
    /// assert_eq!(Status::all()[Status::NOT_FOUND.index()].code(), 404);
    /// ```
    pub const fn index(&self) -> usize {
        self.index as usize
    }

    /// DCS's name for the code, exactly as the document writes it
    /// (`"NotFound"`, `"Request Time-out"`, `"HTTP Version not supported"`).
    pub const fn name(&self) -> &'static str {
        self.name.as_str()
    }

    /// [`Status::name`] as a NUL-terminated C string (for the C ABI).
    pub const fn name_cstr(&self) -> &'static CStr {
        self.name.as_cstr()
    }

    /// The name in UPPER_SNAKE_CASE, derived from [`Status::name`] by splitting at
    /// non-alphanumerics and camelCase boundaries (`NoContent` → `NO_CONTENT`,
    /// `Request-URI Too Large` → `REQUEST_URI_TOO_LARGE`). Every binding names its
    /// constants from it, in its own case convention.
    pub const fn ident(&self) -> &'static str {
        self.ident.as_str()
    }

    /// [`Status::ident`] as a NUL-terminated C string (for the C ABI).
    pub const fn ident_cstr(&self) -> &'static CStr {
        self.ident.as_cstr()
    }

    /// The reason phrase in today's IANA registry (RFC 9110): what goes on a status
    /// line or in a log, e.g. `"Gateway Timeout"` for 504.
    pub const fn phrase(&self) -> &'static str {
        self.phrase.as_str()
    }

    /// [`Status::phrase`] as a NUL-terminated C string (for the C ABI).
    pub const fn phrase_cstr(&self) -> &'static CStr {
        self.phrase.as_cstr()
    }

    /// DCS's description, verbatim: the document's paragraphs joined by a blank line.
    pub const fn description(&self) -> &'static str {
        self.description.as_str()
    }

    /// [`Status::description`] as a NUL-terminated C string (for the C ABI).
    pub const fn description_cstr(&self) -> &'static CStr {
        self.description.as_cstr()
    }

    /// The code's class.
    pub const fn class(&self) -> Class {
        match Class::of(self.code) {
            Some(class) => class,
            // Every code in the table is in 100..=599 (checked at compile time below).
            None => Class::ServerError,
        }
    }

    /// What the document advises about retrying.
    pub const fn retry_advice(&self) -> RetryAdvice {
        self.retry_advice
    }

    /// Whether the code reports an error (4xx or 5xx).
    pub const fn is_error(&self) -> bool {
        self.class().is_error()
    }

    /// The whole table, in code order.
    ///
    /// ```
    /// let codes: Vec<u16> = dcs_status::Status::all().iter().map(|s| s.code()).collect();
    /// assert!(codes.contains(&404));
    /// assert!(codes.windows(2).all(|w| w[0] < w[1]));
    /// ```
    pub const fn all() -> &'static [Status] {
        &TABLE
    }

    /// The documented entry for `code`, or `None` when the table has no such code.
    ///
    /// Constant time, no allocation; use [`crate::lookup`] for the answer RFC 9110
    /// gives for codes the table lacks.
    ///
    /// ```
    /// use dcs_status::Status;
    ///
    /// assert_eq!(Status::from_code(429), Some(Status::TOO_MANY_REQUESTS));
    /// assert_eq!(Status::from_code(418), None);
    /// ```
    #[inline]
    pub const fn from_code(code: u16) -> Option<&'static Status> {
        let slot = code.wrapping_sub(FIRST_CODE) as usize;
        if slot < BY_CODE.len() {
            BY_CODE[slot]
        } else {
            None
        }
    }

    /// The entry for a code that the table is known to hold (for the constants).
    const fn documented(code: u16) -> &'static Status {
        match Status::from_code(code) {
            Some(status) => status,
            None => panic!("code missing from the table"),
        }
    }
}

impl fmt::Display for Status {
    /// Writes the code and its IANA phrase, as on a status line: `404 Not Found`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code, self.phrase.as_str())
    }
}

/// The lowest code in the table's range of slots.
const FIRST_CODE: u16 = 100;

/// A slot for every code in 100..=599: `Some` where the table has the code.
static BY_CODE: [Option<&Status>; 500] = {
    let mut slots: [Option<&Status>; 500] = [None; 500];
    let mut i = 0;
    while i < TABLE.len() {
        let code = TABLE[i].code;
        assert!(code >= 100 && code <= 599, "table code outside 100..=599");
        let slot = (code - FIRST_CODE) as usize;
        assert!(slots[slot].is_none(), "code listed twice in the table");
        if i > 0 {
            assert!(TABLE[i - 1].code < code, "table not in code order");
        }
        slots[slot] = Some(&TABLE[i]);
        i += 1;
    }
    slots
};

/// Sets every entry's `index` to its position (at compile time).
#[allow(clippy::arithmetic_side_effects)] // i < LEN
const fn numbered(mut table: [Status; LEN]) -> [Status; LEN] {
    assert!(LEN <= u8::MAX as usize, "too many entries for a u8 index");
    let mut i = 0;
    while i < LEN {
        table[i].index = i as u8;
        i += 1;
    }
    table
}

macro_rules! status_table {
    ($(
        ($code:literal, $ident:ident, $name:literal, $phrase:literal, $retry:ident,
            $description:literal);
    )+) => {
        /// How many entries the table has.
        pub(crate) const LEN: usize = status_table!(@count $($code)+);

        /// Every entry, in code order.
        static TABLE: [Status; LEN] = numbered([$(
            Status {
                code: $code,
                index: 0,
                ident: StaticText::new(concat!(stringify!($ident), "\0")),
                name: StaticText::new(concat!($name, "\0")),
                phrase: StaticText::new(concat!($phrase, "\0")),
                retry_advice: RetryAdvice::$retry,
                description: StaticText::new(concat!($description, "\0")),
            },
        )+]);

        /// One constant per entry, named by its [`Status::ident`].
        impl Status {
            $(
                #[doc = concat!("`", stringify!($code), " ", $phrase, "`: DCS's \"", $name, "\".")]
                #[doc = ""]
                #[doc = $description]
                pub const $ident: &'static Status = Status::documented($code);
            )+
        }
    };
    (@count $($code:literal)+) => { 0 $(+ status_table!(@one $code))+ };
    (@one $code:literal) => { 1 };
}

status_table! {
    (100, CONTINUE, "Continue", "Continue", None,
        "The server has received the initial part of the request and the client should continue to send the remaining part.");
    (101, SWITCHING_PROTOCOLS, "Switching Protocols", "Switching Protocols", None,
        "The requester has asked the server to switch protocols and the server has agreed to do so.\n\nThe target protocol must be more advanced than the source protocol.\n\nFor example, the current HTTP protocol is switched to a later version of HTTP.");
    (200, OK, "OK", "OK", None,
        "The server successfully processed the request.");
    (201, CREATED, "Created", "Created", None,
        "The request has been fulfilled, resulting in the creation of a new resource.");
    (202, ACCEPTED, "Accepted", "Accepted", None,
        "The request has been accepted for processing, but the processing has not been completed.");
    (203, NON_AUTHORITATIVE_INFORMATION, "Non-Authoritative Information", "Non-Authoritative Information", None,
        "The request has been fulfilled.");
    (204, NO_CONTENT, "NoContent", "No Content", None,
        "The server has successfully processed the request, but is not returning any content.\n\nThe status code is returned in response to an HTTP OPTIONS request.");
    (205, RESET_CONTENT, "Reset Content", "Reset Content", None,
        "The server has successfully processed the request, but is not returning any content. Unlike a 204 response, this response requires that the requester reset the content.");
    (206, PARTIAL_CONTENT, "Partial Content", "Partial Content", None,
        "The server has successfully processed a part of the GET request.");
    (300, MULTIPLE_CHOICES, "Multiple Choices", "Multiple Choices", None,
        "There are multiple options for the requested resource. For example, this code could be used to present a list of resource characteristics and addresses from which the client such as a browser may choose.");
    (301, MOVED_PERMANENTLY, "Moved Permanently", "Moved Permanently", None,
        "This and all future requests should be permanently directed to the given URI indicated in this response.");
    (302, FOUND, "Found", "Found", None,
        "The requested resource was temporarily moved.");
    (303, SEE_OTHER, "See Other", "See Other", None,
        "The response to the request can be found under another URI using a GET or POST method.");
    (304, NOT_MODIFIED, "Not Modified", "Not Modified", None,
        "The requested resource has not been modified. In such case, there is no need to retransmit the resource since the client still has a previously-downloaded copy.");
    (305, USE_PROXY, "Use Proxy", "Use Proxy", None,
        "The requested resource is available only through a proxy.");
    (306, UNUSED, "Unused", "(Unused)", None,
        "This HTTP status code is no longer used.");
    (400, BAD_REQUEST, "BadRequest", "Bad Request", ModifyRequest,
        "The request is invalid.\n\nThe client should modify the request instead of re-initiating it.");
    (401, UNAUTHORIZED, "Unauthorized", "Unauthorized", Unspecified,
        "The authentication information provided by the client is incorrect or invalid.");
    (402, PAYMENT_REQUIRED, "Payment Required", "Payment Required", Unspecified,
        "Reserved for future use.");
    (403, FORBIDDEN, "Forbidden", "Forbidden", ModifyRequest,
        "The server has received the request and understood it, but the server is refusing to respond to it.\n\nThe client should modify the request instead of re-initiating it.");
    (404, NOT_FOUND, "NotFound", "Not Found", ModifyRequest,
        "The requested resource could not be found.\n\nThe client should modify the request instead of re-initiating it.");
    (405, METHOD_NOT_ALLOWED, "MethodNotAllowed", "Method Not Allowed", ModifyRequest,
        "A request method is not supported for the requested resource.\n\nThe client should modify the request instead of re-initiating it.");
    (406, NOT_ACCEPTABLE, "Not Acceptable", "Not Acceptable", Unspecified,
        "The server could not fulfill the request according to the content characteristics of the request.");
    (407, PROXY_AUTHENTICATION_REQUIRED, "Proxy Authentication Required", "Proxy Authentication Required", Unspecified,
        "This code is similar to 401, but indicates that the client must first authenticate itself with the proxy.");
    (408, REQUEST_TIME_OUT, "Request Time-out", "Request Timeout", Retry,
        "The server timed out waiting for the request.\n\nThe client may re-initiate the request without modifications at any later time.");
    (409, CONFLICT, "Conflict", "Conflict", Unspecified,
        "The request could not be processed due to a conflict in the request, such as an edit conflict between multiple simultaneous updates or the resource that the client attempts to create already exits.");
    (410, GONE, "Gone", "Gone", Unspecified,
        "The requested resource has been deleted permanently and will not be available again.");
    (411, LENGTH_REQUIRED, "Length Required", "Length Required", Unspecified,
        "The server refused to process the request because the request does not specify the length of its content.");
    (412, PRECONDITION_FAILED, "Precondition Failed", "Precondition Failed", Unspecified,
        "The server does not meet one of the preconditions that the requester puts on the request.");
    (413, REQUEST_ENTITY_TOO_LARGE, "Request Entity Too Large", "Content Too Large", RetryAfter,
        "The request is larger than the server is willing or able to process.\n\nThe server may close the connection to prevent the client from continuing the request. If the server temporarily cannot process the request, the response will contain a Retry-After header field.");
    (414, REQUEST_URI_TOO_LARGE, "Request-URI Too Large", "URI Too Long", Unspecified,
        "The URI provided was too long for the server to process.");
    (415, UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", "Unsupported Media Type", Unspecified,
        "The server does not support the media type in the request.");
    (416, REQUESTED_RANGE_NOT_SATISFIABLE, "Requested range not satisfiable", "Range Not Satisfiable", Unspecified,
        "The requested range is invalid.");
    (417, EXPECTATION_FAILED, "Expectation Failed", "Expectation Failed", Unspecified,
        "The server fails to meet the requirements of the Expect request-header field.");
    (422, UNPROCESSABLE_ENTITY, "UnprocessableEntity", "Unprocessable Content", Unspecified,
        "The request was well-formed but was unable to be followed due to semantic errors.");
    (429, TOO_MANY_REQUESTS, "TooManyRequests", "Too Many Requests", RetryAfter,
        "The client has sent more requests than its rate limit is allowed within a given amount of time, or the server has received more requests than it is able to process within a given amount of time. In this case, it is advisable for the client to re-initiate requests after the time specified in the Retry-After header of the response expires.");
    (500, INTERNAL_SERVER_ERROR, "InternalServerError", "Internal Server Error", Unspecified,
        "The server is able to receive the request but it could not understand the request.");
    (501, NOT_IMPLEMENTED, "Not Implemented", "Not Implemented", Unspecified,
        "The server does not support the requested function.");
    (502, BAD_GATEWAY, "Bad Gateway", "Bad Gateway", Unspecified,
        "The server was acting as a gateway or proxy and received an invalid request from a remote server.");
    (503, SERVICE_UNAVAILABLE, "ServiceUnavailable", "Service Unavailable", ModifyRequest,
        "The requested service is invalid.\n\nIt is advisable for the client to modify the request instead of re-initiating the request.");
    (504, SERVER_TIMEOUT, "ServerTimeout", "Gateway Timeout", Unspecified,
        "The server could not return a timely response. The response will reach the client only if the request carries a timeout parameter.");
    (505, HTTP_VERSION_NOT_SUPPORTED, "HTTP Version not supported", "HTTP Version Not Supported", Unspecified,
        "The server does not support the HTTP protocol version used in the request.");
}
