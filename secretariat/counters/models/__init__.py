"""The counters' records, one module per topic; each topic's models are imported here so Django
finds them."""

from secretariat.counters.models.consultations import (
    Association,
    Booking,
    BookingStatus,
    Consultation,
    ConsultationField,
    Mode,
    Slot,
)
from secretariat.counters.models.enquiries import (
    Enquiry,
    EnquiryCategory,
    EnquiryChannel,
    EnquiryDay,
    HelpKind,
    PetitionHelp,
)
from secretariat.counters.models.volunteers import DailyCount, Post, Shift, Volunteer, VolunteerTraining

__all__ = [
    "Association",
    "Booking",
    "BookingStatus",
    "Consultation",
    "ConsultationField",
    "DailyCount",
    "Enquiry",
    "EnquiryCategory",
    "EnquiryChannel",
    "EnquiryDay",
    "HelpKind",
    "Mode",
    "PetitionHelp",
    "Post",
    "Shift",
    "Slot",
    "Volunteer",
    "VolunteerTraining",
]
