package dev.gallerykit.local;

import java.io.InputStream;
import java.util.List;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAclRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Makes S3Proxy's file-system-like stores hold keys as S3 does. They map {@code a/b} to a folder
 * {@code a} and a file {@code b}, so the objects {@code a} and {@code a/b} cannot both exist, which
 * S3 allows and the blob store contract checks. This store escapes keys into single file names,
 * {@code '.'} as {@code ".!"} and {@code '/'} as {@code ".~"}: a code that keeps prefixes prefixes and
 * keeps the order of keys, so the store's listing by prefix and in order still holds. Listing with a
 * delimiter is not supported (GalleryKit does not use it).
 */
final class FlatKeyBlobStore extends ForwardingBlobStore {

    FlatKeyBlobStore(BlobStore delegate) {
        super(delegate);
    }

    static String encode(String key) {
        if (key == null || (key.indexOf('/') < 0 && key.indexOf('.') < 0)) {
            return key;
        }
        StringBuilder encoded = new StringBuilder(key.length() + 8);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '.') {
                encoded.append(".!");
            } else if (c == '/') {
                encoded.append(".~");
            } else {
                encoded.append(c);
            }
        }
        return encoded.toString();
    }

    static String decode(String name) {
        if (name == null || name.indexOf('.') < 0) {
            return name;
        }
        StringBuilder decoded = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.' && i + 1 < name.length()) {
                decoded.append(name.charAt(++i) == '~' ? '/' : '.');
            } else {
                decoded.append(c);
            }
        }
        return decoded.toString();
    }

    @Override
    public ListObjectsV2Response list(ListObjectsV2Request request) {
        // Continuation tokens come from the delegate and go back to it untouched.
        ListObjectsV2Response response = super.list(request.toBuilder().prefix(encode(request.prefix()))
                .startAfter(encode(request.startAfter())).build());
        List<S3Object> contents = response.contents().stream()
                .map(object -> object.toBuilder().key(decode(object.key())).build()).toList();
        return response.toBuilder().contents(contents).prefix(request.prefix()).startAfter(request.startAfter())
                .build();
    }

    @Override
    public boolean blobExists(String container, String name) {
        return super.blobExists(container, encode(name));
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        return super.putBlob(request.toBuilder().key(encode(request.key())).build(), content);
    }

    @Override
    public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
        return super.blobMetadata(request.toBuilder().key(encode(request.key())).build());
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
        return super.getBlob(request.toBuilder().key(encode(request.key())).build());
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        return super.removeBlob(request.toBuilder().key(encode(request.key())).build());
    }

    @Override
    public ObjectCannedACL getBlobAccess(String container, String name) {
        return super.getBlobAccess(container, encode(name));
    }

    @Override
    public ObjectCannedACL getBlobAccess(String container, String name, String versionId) {
        return super.getBlobAccess(container, encode(name), versionId);
    }

    @Override
    public GetObjectAclResponse getBlobAcl(GetObjectAclRequest request) {
        return super.getBlobAcl(request.toBuilder().key(encode(request.key())).build());
    }

    @Override
    public void setBlobAccess(String container, String name, ObjectCannedACL access) {
        super.setBlobAccess(container, encode(name), access);
    }

    @Override
    public void setBlobAccess(String container, String name, ObjectCannedACL access, String versionId) {
        super.setBlobAccess(container, encode(name), access, versionId);
    }

    @Override
    public MultipartUpload initiateMultipartUpload(CreateMultipartUploadRequest request) {
        MultipartUpload upload = super.initiateMultipartUpload(request.toBuilder().key(encode(request.key())).build());
        return new MultipartUpload(upload.id(), request, upload.response());
    }

    private static MultipartUpload encoded(MultipartUpload upload) {
        return new MultipartUpload(upload.id(),
                upload.request().toBuilder().key(encode(upload.request().key())).build(), upload.response());
    }

    @Override
    public void abortMultipartUpload(MultipartUpload upload) {
        super.abortMultipartUpload(encoded(upload));
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
            CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(encoded(upload),
                request.toBuilder().key(encode(request.key())).build());
        return response.toBuilder().key(decode(response.key())).build();
    }

    @Override
    public UploadPartResponse uploadMultipartPart(MultipartUpload upload, UploadPartRequest request,
            InputStream content) {
        return super.uploadMultipartPart(encoded(upload), request.toBuilder().key(encode(request.key())).build(),
                content);
    }

    @Override
    public List<Part> listMultipartUpload(MultipartUpload upload) {
        return super.listMultipartUpload(encoded(upload));
    }

    @Override
    public List<software.amazon.awssdk.services.s3.model.MultipartUpload> listMultipartUploads(String container) {
        return super.listMultipartUploads(container).stream()
                .map(upload -> upload.toBuilder().key(decode(upload.key())).build()).toList();
    }
}
