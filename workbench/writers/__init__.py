"""Writers: turn domain results into files (xlsx, md, html, docx, bpmn...). All writes are atomic."""
