"""Case content is not in the back office: the system administrator reads no case content
(separation of duties, issue 10). Cases are read and changed through the case pages and API."""
