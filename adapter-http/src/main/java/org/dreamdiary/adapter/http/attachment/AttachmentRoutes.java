package org.dreamdiary.adapter.http.attachment;

import static org.dreamdiary.adapter.http.json.FieldTypes.text;

import io.javalin.http.Context;
import java.util.Map;
import org.dreamdiary.adapter.http.json.Choices;
import org.dreamdiary.adapter.http.auth.Authentication;
import org.dreamdiary.adapter.http.conditional.Conditional;
import org.dreamdiary.adapter.http.json.FieldType;
import org.dreamdiary.adapter.http.json.JsonFields;
import org.dreamdiary.adapter.http.paging.Paging;
import org.dreamdiary.adapter.http.problem.HttpProblem;
import org.dreamdiary.adapter.http.problem.ProblemType;
import org.dreamdiary.adapter.http.request.JsonBody;
import org.dreamdiary.adapter.http.request.MultipartUploads;
import org.dreamdiary.adapter.http.routing.PathIds;
import org.dreamdiary.adapter.http.routing.QueryParams;
import org.dreamdiary.adapter.http.routing.Respond;
import org.dreamdiary.adapter.http.routing.RouteGroup;
import org.dreamdiary.adapter.http.routing.Router;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.in.attachment.AddLink;
import org.dreamdiary.application.port.in.attachment.DeleteAttachment;
import org.dreamdiary.application.port.in.attachment.GetAttachment;
import org.dreamdiary.application.port.in.attachment.ListAttachments;
import org.dreamdiary.application.port.in.attachment.ReadAttachmentContent;
import org.dreamdiary.application.port.in.attachment.UploadFile;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentKind;
import org.dreamdiary.domain.attachment.LinkUrl;
import org.dreamdiary.domain.user.UserId;

/**
 * {@code /api/v1/attachments}: uploads ({@code multipart/form-data}, one part {@code file}) and links (JSON
 * {@code {url}}), their metadata, and the bytes of files ({@link ContentDelivery}).
 */
public final class AttachmentRoutes implements RouteGroup {
    private static final FieldType<LinkUrl> URL = text(1, LinkUrl.MAX_LENGTH).then(LinkUrl::new);
    private static final Map<String, AttachmentKind> KINDS = Choices.words(AttachmentKind.values());

    private final UploadFile uploadFile;
    private final AddLink addLink;
    private final GetAttachment getAttachment;
    private final ListAttachments listAttachments;
    private final DeleteAttachment deleteAttachment;
    private final ReadAttachmentContent readContent;
    private final MultipartUploads uploads;
    private final Authentication authentication;

    public AttachmentRoutes(UploadFile uploadFile, AddLink addLink, GetAttachment getAttachment,
                            ListAttachments listAttachments, DeleteAttachment deleteAttachment,
                            ReadAttachmentContent readContent, MultipartUploads uploads, Authentication authentication) {
        this.uploadFile = uploadFile;
        this.addLink = addLink;
        this.getAttachment = getAttachment;
        this.listAttachments = listAttachments;
        this.deleteAttachment = deleteAttachment;
        this.readContent = readContent;
        this.uploads = uploads;
        this.authentication = authentication;
    }

    @Override
    public void register(Router router) {
        router.upload("/api/v1/attachments", this::create);
        router.get("/api/v1/attachments", this::page);
        router.get("/api/v1/attachments/{id}", this::attachment);
        router.delete("/api/v1/attachments/{id}", this::delete);
        router.get("/api/v1/attachments/{id}/content",
                ctx -> ContentDelivery.send(ctx, readContent.open(owner(ctx), PathIds.attachment(ctx))));
    }

    private void create(Context ctx) {
        UserId owner = owner(ctx);
        String mediaType = MultipartUploads.mediaType(ctx.header("Content-Type"));
        Attachment created;
        if (mediaType.equals("multipart/form-data")) {
            created = uploadFile.upload(owner, uploads.file(ctx));
        } else if (mediaType.equals("application/json")) {
            JsonFields in = JsonBody.fields(ctx);
            LinkUrl url = in.required("url", URL);
            in.validate();
            created = addLink.addLink(owner, url);
        } else {
            throw new HttpProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "this route takes multipart/form-data (a file) or application/json (a link)");
        }
        AttachmentResource resource = AttachmentResource.of(created);
        Respond.created(ctx, resource.links().self(), resource);
    }

    private void page(Context ctx) {
        UserId owner = owner(ctx);
        QueryParams query = new QueryParams(ctx);
        PageRequest page = Paging.request(query);
        AttachmentKind kind = query.choice("kind", KINDS).orElse(null);
        query.validate();
        Paging.respond(ctx, listAttachments.list(owner, kind, page), AttachmentResource::of);
    }

    private void attachment(Context ctx) {
        Attachment attachment = getAttachment.attachment(owner(ctx), PathIds.attachment(ctx));
        Conditional.respond(ctx, attachment.version(), AttachmentResource.of(attachment));
    }

    private void delete(Context ctx) {
        deleteAttachment.delete(owner(ctx), PathIds.attachment(ctx), Conditional.ifMatch(ctx));
        Respond.noContent(ctx);
    }

    private UserId owner(Context ctx) {
        return authentication.require(ctx).user();
    }
}
