package gongkai.parse;

/** The real type of a submission, detected from its bytes (the declared content type is not trusted). */
public enum DocumentType {
    TEXT, HTML, DOCX, DOC, PDF
}
