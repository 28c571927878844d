"""The unit desk: a unit handler accepts (签收), replies, returns (退单) and asks for more time (延期); and the
'holding up' dock that shows, for any role, which unit a ticket is waiting for."""
